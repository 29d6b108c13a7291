using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Findings;

/// <summary>api.md's findings endpoints: create, list with filters and paging, PATCH with expectedVersion.</summary>
public sealed class FindingsApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<JsonElement> CreateFindingAsync(HttpClient client, int assessmentId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/assessments/{assessmentId}/findings", body, Ct);
        await ApiScenario.ExpectAsync(response, HttpStatusCode.Created);
        var json = await response.ReadJsonAsync();
        Assert.Equal($"/api/v1/findings/{json.GetProperty("id").GetInt32()}", response.Headers.Location?.OriginalString);
        return json;
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, int id, object body) =>
        client.PatchAsJsonAsync($"/api/v1/findings/{id}", body, Ct);

    [Fact]
    public async Task An_assessor_raises_a_finding_about_a_question_and_it_reads_back_as_the_contract_says()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var due = Today.AddDays(30);

        var finding = await CreateFindingAsync(assessor, id, new
        {
            title = "No output guard", severity = "critical", questionKey = "guard", description = "Add a moderation layer.",
            ownerId = app.UserIdOf(Roles.Assessor), dueDate = Date(due),
        });

        Assert.Equal(id, finding.GetProperty("assessmentId").GetInt32());
        Assert.True(finding.GetProperty("vendorId").GetInt32() > 0);
        Assert.Equal("guard", finding.GetProperty("questionKey").GetString());
        Assert.Equal("critical", finding.GetProperty("severity").GetString());
        Assert.Equal("open", finding.GetProperty("status").GetString());
        Assert.Equal(app.UserIdOf(Roles.Assessor), finding.GetProperty("ownerId").GetString());
        Assert.Equal(Date(due), finding.GetProperty("dueDate").GetString());
        Assert.Equal(1, finding.GetProperty("version").GetInt32());

        await using var db = await app.CreateDbContextAsync();
        var entityId = $"{id}/{finding.GetProperty("id").GetInt32()}";
        Assert.Single(db.AuditEntries.Where(e => e.EntityType == "finding" && e.EntityId == entityId && e.Action == "finding-raised"));
    }

    [Theory]
    [InlineData("""{ "severity": "high" }""", "title")]
    [InlineData("""{ "title": "x", "severity": "severe" }""", "severity")]
    [InlineData("""{ "title": "x" }""", "severity")]
    [InlineData("""{ "title": "x", "severity": "low", "questionKey": "no-such-question" }""", "questionKey")]
    [InlineData("""{ "title": "x", "severity": "low", "ownerId": "nobody" }""", "ownerId")]
    [InlineData("""{ "title": "x", "severity": "low", "dueDate": "soon" }""", "dueDate")]
    public async Task A_bad_finding_is_400_on_its_field_and_nothing_is_stored(string body, string path)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor);

        var response = await assessor.PostAsync($"/api/v1/assessments/{id}/findings", ApiTestSupport.Json(body), Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, await response.ErrorPathsAsync());
        await using var db = await app.CreateDbContextAsync();
        Assert.False(db.Findings.Any(f => f.AssessmentId == id));
    }

    [Fact]
    public async Task A_title_over_200_characters_is_400_and_a_viewer_may_not_raise_findings()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        var id = await PilotScenario.CreateAsync(app, assessor);

        var tooLong = await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/findings", new { title = new string('x', 201), severity = "low" }, Ct);
        await ApiScenario.ExpectAsync(tooLong, HttpStatusCode.BadRequest);
        await ApiScenario.ExpectAsync(await viewer.PostAsJsonAsync($"/api/v1/assessments/{id}/findings", new { title = "x", severity = "low" }, Ct), HttpStatusCode.Forbidden);
        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync("/api/v1/assessments/987654/findings", new { title = "x", severity = "low" }, Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_expected_version_is_409_with_the_current_finding()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var findingId = (await CreateFindingAsync(assessor, id, new { title = "Logs", severity = "high" })).GetProperty("id").GetInt32();

        var first = await PatchAsync(assessor, findingId, new { expectedVersion = 1, status = "in-progress" });
        await ApiScenario.ExpectAsync(first, HttpStatusCode.OK);
        Assert.Equal(2, (await first.ReadJsonAsync()).GetProperty("version").GetInt32());

        var stale = await PatchAsync(assessor, findingId, new { expectedVersion = 1, status = "resolved" });

        await ApiScenario.ExpectAsync(stale, HttpStatusCode.Conflict);
        var current = (await stale.ReadJsonAsync()).GetProperty("current");
        Assert.Equal("in-progress", current.GetProperty("status").GetString());
        Assert.Equal(2, current.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Owner_due_date_and_description_change_and_null_clears_them()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var findingId = (await CreateFindingAsync(assessor, id, new { title = "Logs", severity = "high", description = "Old." })).GetProperty("id").GetInt32();

        var changed = await PatchAsync(assessor, findingId, new { expectedVersion = 1, ownerId = app.UserIdOf(Roles.Viewer), dueDate = "2030-01-31", description = "New." });
        await ApiScenario.ExpectAsync(changed, HttpStatusCode.OK);
        var body = await changed.ReadJsonAsync();
        Assert.Equal(app.UserIdOf(Roles.Viewer), body.GetProperty("ownerId").GetString());
        Assert.Equal("2030-01-31", body.GetProperty("dueDate").GetString());
        Assert.Equal("open", body.GetProperty("status").GetString());

        var cleared = await assessor.PatchAsync($"/api/v1/findings/{findingId}", ApiTestSupport.Json("""{ "expectedVersion": 2, "ownerId": null, "dueDate": null }"""), Ct);
        await ApiScenario.ExpectAsync(cleared, HttpStatusCode.OK);
        var after = await cleared.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, after.GetProperty("ownerId").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("dueDate").ValueKind);
        Assert.Equal("New.", after.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("""{ "status": "resolved" }""", "expectedVersion")]
    [InlineData("""{ "expectedVersion": 1, "status": "done" }""", "status")]
    [InlineData("""{ "expectedVersion": 1, "ownerId": "nobody" }""", "ownerId")]
    [InlineData("""{ "expectedVersion": 1, "title": "renamed" }""", "title")]
    public async Task A_bad_patch_is_400_on_its_field(string body, string path)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var findingId = (await CreateFindingAsync(assessor, id, new { title = "Logs", severity = "high" })).GetProperty("id").GetInt32();

        var response = await assessor.PatchAsync($"/api/v1/findings/{findingId}", ApiTestSupport.Json(body), Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, await response.ErrorPathsAsync());
    }

    [Fact]
    public async Task Risk_accepted_needs_a_reviewer_and_a_justification()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var findingId = (await CreateFindingAsync(assessor, id, new { title = "Logs", severity = "high" })).GetProperty("id").GetInt32();

        await ApiScenario.ExpectAsync(await PatchAsync(assessor, findingId, new { expectedVersion = 1, status = "risk-accepted", justification = "Fine." }), HttpStatusCode.Forbidden);
        var noReason = await PatchAsync(reviewer, findingId, new { expectedVersion = 1, status = "risk-accepted" });
        await ApiScenario.ExpectAsync(noReason, HttpStatusCode.BadRequest);
        Assert.Contains("justification", await noReason.ErrorPathsAsync());

        var accepted = await PatchAsync(reviewer, findingId, new { expectedVersion = 1, status = "risk-accepted", justification = "Compensating control on our side." });
        await ApiScenario.ExpectAsync(accepted, HttpStatusCode.OK);
        Assert.Equal("risk-accepted", (await accepted.ReadJsonAsync()).GetProperty("status").GetString());

        // A closed finding goes back to open before it can be worked on again.
        var notAllowed = await PatchAsync(assessor, findingId, new { expectedVersion = 2, status = "in-progress" });
        await ApiScenario.ExpectAsync(notAllowed, HttpStatusCode.Conflict);
        Assert.Equal("risk-accepted", (await notAllowed.ReadJsonAsync()).GetProperty("current").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_status_vendor_and_overdue_and_pages_with_total_count_and_links()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var vendorId = (await (await assessor.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync()).GetProperty("vendorId").GetInt32();
        await using (var db = await app.CreateDbContextAsync())
        {
            // Raised long ago: an overdue one, and a resolved one whose due date passed.
            db.Findings.Add(new Finding { AssessmentId = id, Title = "Late", Severity = Domain.Findings.FindingSeverity.High, Status = Domain.Findings.FindingStatus.Open,
                DueDate = Today.AddDays(-3), CreatedById = app.UserIdOf(Roles.Assessor), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = 1 });
            db.Findings.Add(new Finding { AssessmentId = id, Title = "Done", Severity = Domain.Findings.FindingSeverity.Low, Status = Domain.Findings.FindingStatus.Resolved,
                DueDate = Today.AddDays(-3), CreatedById = app.UserIdOf(Roles.Assessor), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = 1 });
            await db.SaveChangesAsync(Ct);
        }
        await CreateFindingAsync(assessor, id, new { title = "Later", severity = "medium", dueDate = Date(Today.AddDays(40)) });

        var all = await viewer.GetAsync($"/api/v1/findings?vendorId={vendorId}", Ct);
        await ApiScenario.ExpectAsync(all, HttpStatusCode.OK);
        Assert.Equal("3", all.Headers.GetValues("X-Total-Count").Single());
        var overdue = await (await viewer.GetAsync($"/api/v1/findings?vendorId={vendorId}&overdue=true", Ct)).ReadJsonAsync();
        Assert.Equal(["Late"], overdue.EnumerateArray().Select(f => f.GetProperty("title").GetString()));
        var resolved = await (await viewer.GetAsync($"/api/v1/findings?vendorId={vendorId}&status=resolved", Ct)).ReadJsonAsync();
        Assert.Equal(["Done"], resolved.EnumerateArray().Select(f => f.GetProperty("title").GetString()));

        var page2 = await viewer.GetAsync($"/api/v1/findings?vendorId={vendorId}&pageSize=1&page=2", Ct);
        await ApiScenario.ExpectAsync(page2, HttpStatusCode.OK);
        var links = string.Join(",", page2.Headers.GetValues("Link"));
        Assert.Contains("page=3>; rel=\"next\"", links, StringComparison.Ordinal);
        Assert.Contains("page=1>; rel=\"prev\"", links, StringComparison.Ordinal);
        Assert.Equal("Done", (await page2.ReadJsonAsync()).EnumerateArray().Single().GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("status=closed", "status")]
    public async Task Bad_list_parameters_are_400(string query, string path)
    {
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        var response = await viewer.GetAsync($"/api/v1/findings?{query}", Ct);
        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(path, await response.ErrorPathsAsync());
    }

    [Fact]
    public async Task Approving_with_conditions_records_each_condition_as_a_finding_with_owner_and_due_date()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var due = Date(Today.AddDays(60));

        var empty = await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review",
            new { decision = "approved-with-conditions", comment = "Conditions below.", conditions = Array.Empty<object>() }, Ct);
        await ApiScenario.ExpectAsync(empty, HttpStatusCode.BadRequest);
        Assert.Contains("conditions", await empty.ErrorPathsAsync());
        var noOwner = await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review",
            new { decision = "approved-with-conditions", comment = "Conditions below.", conditions = new[] { new { title = "Sign the DPA", dueDate = due } } }, Ct);
        await ApiScenario.ExpectAsync(noOwner, HttpStatusCode.BadRequest);
        Assert.Contains("conditions[0].ownerId", await noOwner.ErrorPathsAsync());

        var approved = await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new
        {
            decision = "approved-with-conditions",
            comment = "Two conditions.",
            conditions = new[]
            {
                new { title = "Sign the DPA", ownerId = app.UserIdOf(Roles.Assessor), dueDate = due },
                new { title = "Enable prompt logging", ownerId = app.UserIdOf(Roles.Viewer), dueDate = due },
            },
        }, Ct);
        await ApiScenario.ExpectAsync(approved, HttpStatusCode.OK);

        var vendorId = (await approved.ReadJsonAsync()).GetProperty("vendorId").GetInt32();
        var findings = await (await reviewer.GetAsync($"/api/v1/findings?vendorId={vendorId}", Ct)).ReadJsonAsync();
        var conditions = findings.EnumerateArray().Where(f => f.GetProperty("isCondition").GetBoolean()).ToList();
        Assert.Equal(["Sign the DPA", "Enable prompt logging"], conditions.Select(c => c.GetProperty("title").GetString()));
        Assert.All(conditions, c => Assert.Equal(due, c.GetProperty("dueDate").GetString()));
        Assert.Equal(app.UserIdOf(Roles.Viewer), conditions[1].GetProperty("ownerId").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_findings_and_acceptance_endpoints()
    {
        using var anonymous = app.CreateRawClient();
        var document = await (await anonymous.GetAsync(new Uri(app.BaseAddress, "/openapi/v1.json"), Ct)).ReadJsonAsync();
        var paths = document.GetProperty("paths");

        Assert.True(paths.GetProperty("/api/v1/findings").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/findings/{id}").TryGetProperty("patch", out _));
        Assert.True(paths.GetProperty("/api/v1/assessments/{id}/findings").TryGetProperty("post", out _));
        var acceptance = paths.GetProperty("/api/v1/assessments/{id}/knockouts/{questionKey}/acceptance");
        Assert.True(acceptance.TryGetProperty("post", out _));
        Assert.True(acceptance.TryGetProperty("delete", out _));
    }
}
