using Microsoft.AspNetCore.Components;

namespace VendorRisk.Web.Tests.Architecture;

/// <summary>Pages and components receive DTOs from services, never EF entities: an entity in a page ties its markup to the database's shape.</summary>
public sealed class ComponentDataTests
{
    [Fact]
    public void No_component_uses_an_EF_entity()
    {
        var app = typeof(Program).Assembly;
        var entities = typeof(VendorRisk.Data.VendorRiskDbContext).Assembly.GetTypes()
            .Where(t => t.Namespace == "VendorRisk.Data.Entities" && t.IsClass)
            .Select(t => t.FullName).ToHashSet();

        var uses = TypeReferences.In(app)
            .Where(r => entities.Contains(r.Used.FullName) && app.GetType(r.Owner.FullName) is { } owner && typeof(IComponent).IsAssignableFrom(owner))
            .Select(r => $"{r.Owner.FullName} uses {r.Used.FullName}")
            .Distinct().Order().ToList();

        Assert.True(uses.Count == 0, "Components using EF entities:" + Environment.NewLine + string.Join(Environment.NewLine, uses));
    }
}
