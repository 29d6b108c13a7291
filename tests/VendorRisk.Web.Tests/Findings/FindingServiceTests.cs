using VendorRisk.Web.Infrastructure.UseCases;
using VendorRisk.Domain.Assessments;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Domain.Findings;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Findings;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Findings;

/// <summary>The findings use cases as the pages call them: bulk raise, counts, CSV, conditions, audit.</summary>
public sealed class FindingServiceTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> PilotAsync(bool submit = true)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        return await PilotScenario.CreateAsync(app, assessor, submit);
    }

    [Fact]
    public async Task Bulk_raise_suggests_critical_for_knockouts_adds_weak_answers_under_the_threshold_and_skips_questions_already_covered()
    {
        var id = await PilotAsync();
        await using var scope = app.ScopeAs(Roles.Assessor);
        var bulk = scope.ServiceProvider.GetRequiredService<UseCasePipeline>();

        Assert.Equal(2, await bulk.RunAsync(new RaiseFindingsInBulkRequest { AssessmentId = id, Knockouts = true }, Ct));
        Assert.Equal(0, await bulk.RunAsync(new RaiseFindingsInBulkRequest { AssessmentId = id, Knockouts = true, BelowP = 0.5 }, Ct));

        await using var db = await app.CreateDbContextAsync();
        var findings = await db.Findings.Where(f => f.AssessmentId == id).OrderBy(f => f.QuestionKey).ToListAsync(Ct);
        Assert.Equal(["guard", "logs"], findings.Select(f => f.QuestionKey));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Critical, f.Severity));
        Assert.Equal("Is there an output guard?", findings[0].Title);
        Assert.Contains("knockout", findings[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raising_and_changing_findings_refuse_an_unknown_owner_and_an_overlong_description_in_one_wording()
    {
        var id = await PilotAsync();
        await using var scope = app.ScopeAs(Roles.Assessor);
        var pipeline = scope.ServiceProvider.GetRequiredService<UseCasePipeline>();
        var tooLong = new string('d', FindingLimits.DescriptionMaxLength + 1);

        var raise = await Assert.ThrowsAsync<ValidationFailedException>(() => pipeline.RunAsync(new RaiseFindingRequest
        {
            AssessmentId = id, Title = "Logs", Severity = FindingSeverity.Low, OwnerId = "no-such-user", Description = tooLong,
        }, Ct));
        Assert.Equal(["The owner must be an active user."], raise.Errors["ownerId"]);
        Assert.Equal(["Use at most 10,000 characters."], raise.Errors["description"]);

        var bulk = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            pipeline.RunAsync(new RaiseFindingsInBulkRequest { AssessmentId = id, OwnerId = "no-such-user" }, Ct));
        Assert.Equal(["The owner must be an active user."], bulk.Errors["ownerId"]);

        var findingId = await pipeline.RunAsync(new RaiseFindingRequest { AssessmentId = id, Title = "Logs", Severity = FindingSeverity.Low }, Ct);
        var update = await Assert.ThrowsAsync<ValidationFailedException>(() => pipeline.RunAsync(new UpdateFindingRequest
        {
            FindingId = findingId, ExpectedVersion = 1, OwnerId = new("no-such-user"), Description = new(tooLong),
        }, Ct));
        Assert.Equal(["The owner must be an active user."], update.Errors["ownerId"]);
        Assert.Equal(["Use at most 10,000 characters."], update.Errors["description"]);
    }

    [Fact]
    public async Task Bulk_raise_under_a_threshold_covers_every_weak_scored_answer()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        await ApiScenario.ExpectAsync(await assessor.PutAnswersAsync(id, new object[] { new { questionKey = "other", choice = "half" } }), HttpStatusCode.OK);
        await using var scope = app.ScopeAs(Roles.Assessor);

        var raised = await scope.ServiceProvider.GetRequiredService<UseCasePipeline>()
            .RunAsync(new RaiseFindingsInBulkRequest { AssessmentId = id, Knockouts = false, BelowP = 0.75 }, Ct);

        Assert.Equal(3, raised);
        await using var db = await app.CreateDbContextAsync();
        var other = await db.Findings.SingleAsync(f => f.AssessmentId == id && f.QuestionKey == "other", Ct);
        Assert.Equal(FindingSeverity.Low, other.Severity);
    }

    [Fact]
    public async Task Approving_with_conditions_from_the_page_needs_at_least_one_condition_with_owner_and_due_date()
    {
        var id = await PilotAsync();
        await using var scope = app.ScopeAs(Roles.Reviewer);
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        var none = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            assessments.ReviewAsync(id, ReviewDecision.ApprovedWithConditions, "See conditions.", Ct, []));
        Assert.Contains("conditions", none.Errors.Keys);
        var past = await Assert.ThrowsAsync<ValidationFailedException>(() => assessments.ReviewAsync(id, ReviewDecision.ApprovedWithConditions, "See conditions.", Ct,
            [new ConditionRequest { Title = "Sign", OwnerId = app.UserIdOf(Roles.Assessor), DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1) }]));
        Assert.Contains("conditions[0].dueDate", past.Errors.Keys);
        var farOff = await Assert.ThrowsAsync<ValidationFailedException>(() => assessments.ReviewAsync(id, ReviewDecision.ApprovedWithConditions, "See conditions.", Ct,
            [new ConditionRequest { Title = "Sign", OwnerId = app.UserIdOf(Roles.Assessor), DueDate = new DateOnly(9999, 12, 31) }]));
        Assert.Equal(["The due date is at most 10 years ahead."], farOff.Errors["conditions[0].dueDate"]);

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(Domain.Assessments.AssessmentStatus.Submitted, AssessmentStatusOf(db, id));
        Assert.False(await db.Findings.AnyAsync(f => f.AssessmentId == id, Ct));
    }

    private static Domain.Assessments.AssessmentStatus AssessmentStatusOf(Data.VendorRiskDbContext db, int id) =>
        db.Assessments.AsNoTracking().Single(a => a.Id == id).Status;

    [Fact]
    public async Task Counts_and_csv_follow_the_filters_and_csv_defuses_formulas()
    {
        var id = await PilotAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var owner = app.UserIdOf(Roles.Viewer);
        await using (var db = await app.CreateDbContextAsync())
        {
            var vendorId = db.Assessments.Single(a => a.Id == id).VendorId;
            foreach (var (title, due, status) in new[]
            {
                ("=HYPERLINK(\"x\")", today.AddDays(-2), FindingStatus.Open),
                ("Soon, with a comma", today.AddDays(3), FindingStatus.InProgress),
                ("Closed late", today.AddDays(-9), FindingStatus.Resolved),
            })
            {
                db.Findings.Add(new Finding { AssessmentId = id, Title = title, Severity = FindingSeverity.High, Status = status, OwnerId = owner, DueDate = due,
                    CreatedById = owner, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = 1 });
            }
            await db.SaveChangesAsync(Ct);

            await using var scope = app.ScopeAs(Roles.Viewer);
            var queries = scope.ServiceProvider.GetRequiredService<FindingQueries>();
            Assert.Equal(new FindingCounts(2, 1, 1), await queries.CountsAsync(vendorId: vendorId, cancellationToken: Ct));

            var csv = Encoding.UTF8.GetString(await queries.CsvAsync(new FindingQuery { VendorId = vendorId, Sort = FindingSort.DueDate }, Ct)).TrimStart('\uFEFF');
            var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, lines.Length);
            Assert.Contains(",Closed late,", lines[1], StringComparison.Ordinal);
            Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", lines[2], StringComparison.Ordinal);
            Assert.Contains(",yes,", lines[2], StringComparison.Ordinal);
            Assert.Contains("\"Soon, with a comma\"", lines[3], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_status_change_is_audited_in_the_assessment_history_with_old_and_new_values()
    {
        var id = await PilotAsync();
        await using var scope = app.ScopeAs(Roles.Assessor);
        var findingId = await scope.ServiceProvider.GetRequiredService<UseCasePipeline>()
            .RunAsync(new RaiseFindingRequest { AssessmentId = id, Title = "Logs", Severity = FindingSeverity.High }, Ct);
        await scope.ServiceProvider.GetRequiredService<UseCasePipeline>()
            .RunAsync(new UpdateFindingRequest { FindingId = findingId, ExpectedVersion = 1, Status = FindingStatus.Resolved }, Ct);

        var history = await scope.ServiceProvider.GetRequiredService<Features.Audit.AuditService>()
            .HistoryAsync(Data.AuditEntityTypes.Assessment, id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        var change = Assert.Single(history, e => e.Action == "finding-status-changed");
        Assert.Contains("open → resolved", change.Summary, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"open\"", change.OldValue, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"resolved\"", change.NewValue, StringComparison.Ordinal);
        Assert.Contains(history, e => e.Action == "finding-raised");
    }
}
