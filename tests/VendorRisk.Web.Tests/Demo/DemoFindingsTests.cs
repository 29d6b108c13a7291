using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Findings;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Demo;

public sealed class DemoFindingsTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_an_accepted_pilot_risk_open_and_overdue_findings_and_a_resolved_condition()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var db = await app.CreateDbContextAsync();
        var findings = await db.Findings.AsNoTracking().ToListAsync(Ct);

        Assert.Contains(findings, f => f.Status == FindingStatus.Open && f.DueDate >= today);
        Assert.Contains(findings, f => FindingWorkflow.IsOverdue(f.Status, f.DueDate, today));
        Assert.Contains(findings, f => f.IsCondition && f.Status == FindingStatus.Resolved);
        Assert.All(findings.Where(f => f.IsCondition), f => Assert.NotNull(f.OwnerId));

        var pilot = await db.Assessments.AsNoTracking().SingleAsync(a => a.Title == "Brackenridge Bracken Reason 1 - contract review pilot", Ct);
        await using var scope = app.ScopeAs(Roles.Viewer);
        var snapshot = await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(pilot.Id, Ct);
        var accepted = Assert.Single(snapshot.Score.AcceptedKnockouts);
        Assert.Equal("Demo Reviewer", accepted.AcceptedByName);
        Assert.Contains(accepted.QuestionKey, snapshot.Score.Knockouts);
        Assert.True(accepted.Until > today);
    }
}
