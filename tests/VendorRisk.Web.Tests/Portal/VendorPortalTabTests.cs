using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Web.Features.Portal;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Portal;

/// <summary>The assessment page shows the vendor portal as a tab the portal adds, by parameter name: the names must hold.</summary>
public sealed class VendorPortalTabTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_portal_adds_its_panel_as_a_tab_of_the_assessment_page()
    {
        await using var scope = app.ScopeAs(Roles.Viewer);

        var tab = Assert.Single(scope.ServiceProvider.GetRequiredService<AssessmentTabs>().All);

        Assert.Equal(typeof(VendorPortalPanel), tab.Component);
        Assert.Equal("vendor-portal-tab", tab.Id);
        Assert.Equal("Vendor portal", tab.Text);
    }

    [Theory]
    [InlineData(AssessmentTabs.AssessmentParameter, typeof(AssessmentSnapshot))]
    [InlineData(AssessmentTabs.CanEditParameter, typeof(bool))]
    [InlineData(AssessmentTabs.ChangedParameter, typeof(EventCallback))]
    public void The_portal_panel_takes_each_parameter_the_page_passes(string name, Type type)
    {
        var property = typeof(VendorPortalPanel).GetProperty(name, BindingFlags.Public | BindingFlags.Instance);

        Assert.NotNull(property);
        Assert.Equal(type, property.PropertyType);
        Assert.NotNull(property.GetCustomAttribute<ParameterAttribute>());
    }
}
