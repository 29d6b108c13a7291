using VendorRisk.Domain.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Vendors;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Vendors;

public sealed class VendorServiceTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Invalid() => new()
    {
        { "empty-name", "name" },
        { "long-name", "name" },
        { "ftp-website", "website" },
        { "relative-website", "website" },
        { "unknown-country", "headquartersCountry" },
        { "unknown-jurisdiction", "jurisdictions[1]" },
        { "tier-0", "tier" },
        { "tier-5", "tier" },
        { "unknown-owner", "ownerId" },
        { "long-notes", "notes" },
        { "empty-tag", "tags[0]" },
        { "repeated-tag", "tags" },
        { "too-many-tags", "tags" },
        { "long-model", "models[1]" },
        { "too-many-models", "models" },
    };

    private static VendorRequest Case(string name)
    {
        var valid = TestData.Vendor("Valid " + Guid.NewGuid().ToString("n"));
        return name switch
        {
            "empty-name" => valid with { Name = "   " },
            "long-name" => valid with { Name = new string('n', 201) },
            "ftp-website" => valid with { Website = "ftp://example.com" },
            "relative-website" => valid with { Website = "example.com" },
            "unknown-country" => valid with { HeadquartersCountry = "XX" },
            "unknown-jurisdiction" => valid with { Jurisdictions = ["US", "ZZ"] },
            "tier-0" => valid with { Tier = 0 },
            "tier-5" => valid with { Tier = 5 },
            "unknown-owner" => valid with { OwnerId = "no-such-user" },
            "long-notes" => valid with { Notes = new string('x', 10_001) },
            "empty-tag" => valid with { Tags = [" "] },
            "repeated-tag" => valid with { Tags = ["cloud", "Cloud"] },
            "too-many-tags" => valid with { Tags = [.. Enumerable.Range(0, 21).Select(i => $"t{i}")] },
            "long-model" => valid with { Models = ["m", new string('m', 201)] },
            "too-many-models" => valid with { Models = [.. Enumerable.Range(0, 51).Select(i => $"m{i}")] },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_vendor_is_refused_on_the_field_at_fault_and_not_stored(string name, string path)
    {
        await using var scope = app.ScopeAs(Roles.Assessor);
        var request = Case(name);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(request, Ct));
        Assert.True(ex.Errors.ContainsKey(path), $"Expected {path}; got {string.Join(", ", ex.Errors.Keys)}");
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.Vendors.AnyAsync(v => v.Name == request.Name, Ct));
    }

    [Fact]
    public async Task A_list_of_names_reports_its_own_errors_before_each_name_s()
    {
        await using var scope = app.ScopeAs(Roles.Assessor);
        var request = TestData.Vendor("Valid " + Guid.NewGuid().ToString("n")) with { Tags = [.. Enumerable.Repeat("dup", 21), " "] };
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(request, Ct));
        Assert.Equal(["Use at most 20 tags.", "Use each tag once."], ex.Errors["tags"]);
        Assert.Equal(["A tag has 1 to 50 characters."], ex.Errors["tags[21]"]);
    }

    [Fact]
    public async Task A_duplicate_name_ignoring_case_is_an_error_on_name()
    {
        var name = "Acme " + Guid.NewGuid().ToString("n")[..6];
        await TestData.CreateVendorAsync(app, name);
        await using var scope = app.ScopeAs(Roles.Assessor);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(TestData.Vendor("  " + name.ToUpperInvariant() + " "), Ct));
        Assert.Contains("already exists", Assert.Single(ex.Errors["name"]));
    }

    [Fact]
    public async Task A_vendor_keeps_its_own_name_on_update_and_every_change_is_audited_with_old_and_new_values()
    {
        var id = await TestData.CreateVendorAsync(app, "Audited " + Guid.NewGuid().ToString("n")[..6]);
        await using var scope = app.ScopeAs(Roles.Assessor);
        var service = scope.ServiceProvider.GetRequiredService<VendorService>();
        var vendor = await service.GetAsync(id, Ct);
        await service.UpdateAsync(id, vendor.ToRequest() with { Tier = 1 }, vendor.Version, Ct);
        await Assert.ThrowsAsync<ConflictException>(() => service.UpdateAsync(id, vendor.ToRequest() with { Tier = 3 }, vendor.Version, Ct));

        await using var db = await app.CreateDbContextAsync();
        var entry = await db.AuditEntries.Where(e => e.EntityType == "vendor" && e.EntityId == id.ToString() && e.Action == "vendor-updated").SingleAsync(Ct);
        Assert.Contains("\"tier\":2", entry.OldValue);
        Assert.Contains("\"tier\":1", entry.NewValue);
    }

    [Fact]
    public async Task A_vendor_with_assessments_cannot_be_deleted_but_can_be_archived()
    {
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var id = await TestData.CreateVendorAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        await scope.ServiceProvider.GetRequiredService<AssessmentService>().CreateAsync(new CreateAssessmentRequest(id, TestData.Frontier), Ct);
        var service = scope.ServiceProvider.GetRequiredService<VendorService>();

        var ex = await Assert.ThrowsAsync<ConflictException>(() => service.DeleteAsync(id, Ct));
        Assert.Contains("Archive", ex.Message);
        await service.ArchiveAsync(id, Ct);

        Assert.DoesNotContain(await service.ListAsync(new VendorQuery(), Ct), v => v.Id == id);
        Assert.Contains(await service.ListAsync(new VendorQuery(Archived: true), Ct), v => v.Id == id);
    }

    [Fact]
    public async Task A_vendor_without_assessments_is_deleted()
    {
        var id = await TestData.CreateVendorAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        await scope.ServiceProvider.GetRequiredService<VendorService>().DeleteAsync(id, Ct);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.Vendors.AnyAsync(v => v.Id == id, Ct));
    }

    [Fact]
    public async Task A_viewer_reads_vendors_but_cannot_change_them()
    {
        var id = await TestData.CreateVendorAsync(app);
        await using var scope = app.ScopeAs(Roles.Viewer);
        var service = scope.ServiceProvider.GetRequiredService<VendorService>();
        var vendor = await service.GetAsync(id, Ct);
        await Assert.ThrowsAsync<ForbiddenException>(() => service.CreateAsync(TestData.Vendor("Nope " + Guid.NewGuid()), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.UpdateAsync(id, vendor.ToRequest() with { Tier = 4 }, vendor.Version, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.DeleteAsync(id, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ArchiveAsync(id, Ct));
        Assert.Equal(vendor.Version, (await service.GetAsync(id, Ct)).Version);
    }

    [Fact]
    public async Task The_list_filters_by_tier_tag_and_search_and_shows_the_latest_approved_rating()
    {
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var name = "Filterable " + Guid.NewGuid().ToString("n")[..6];
        int id;
        await using (var scope = app.ScopeAs(Roles.Assessor))
            id = await scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(TestData.Vendor(name) with { Tier = 4, Tags = ["special-tag"] }, Ct);
        int assessmentId;
        await using (var scope = app.ScopeAs(Roles.Assessor))
        {
            var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
            assessmentId = await assessments.CreateAsync(new CreateAssessmentRequest(id, TestData.Frontier), Ct);
            await assessments.SubmitAsync(assessmentId, true, Ct);
        }
        await using (var scope = app.ScopeAs(Roles.Reviewer))
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().ReviewAsync(assessmentId, ReviewDecision.ApprovedWithConditions, "Conditions.", Ct);

        await using var viewer = app.ScopeAs(Roles.Viewer);
        var service = viewer.ServiceProvider.GetRequiredService<VendorService>();
        Assert.Contains(await service.ListAsync(new VendorQuery(Tier: 4), Ct), v => v.Id == id);
        Assert.DoesNotContain(await service.ListAsync(new VendorQuery(Tier: 3), Ct), v => v.Id == id);
        Assert.Single(await service.ListAsync(new VendorQuery(Tag: "SPECIAL-TAG"), Ct), v => v.Id == id);
        Assert.Single(await service.ListAsync(new VendorQuery(Search: name.ToLowerInvariant()), Ct));
        var row = (await service.ListAsync(new VendorQuery(Search: name), Ct)).Single();
        // An empty assessment scores 0 with every critical question a knockout.
        Assert.Equal("Critical", row.LatestRating);
        Assert.NotEmpty(row.LatestKnockouts);
        Assert.Contains(await service.ListAsync(new VendorQuery(Rating: "critical"), Ct), v => v.Id == id);
    }
}
