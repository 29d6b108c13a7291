using VendorRisk.Domain.Findings;
using static VendorRisk.Domain.Tests.TestSupport.QuestionSetBuilder;

namespace VendorRisk.Domain.Tests.Findings;

public class FindingRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData(FindingStatus.Open, FindingStatus.InProgress, true)]
    [InlineData(FindingStatus.InProgress, FindingStatus.Resolved, true)]
    [InlineData(FindingStatus.Open, FindingStatus.RiskAccepted, true)]
    [InlineData(FindingStatus.Resolved, FindingStatus.Open, true)]
    [InlineData(FindingStatus.Resolved, FindingStatus.InProgress, false)]
    [InlineData(FindingStatus.RiskAccepted, FindingStatus.Resolved, false)]
    public void The_workflow_allows_only_its_steps(FindingStatus from, FindingStatus to, bool allowed) =>
        Assert.Equal(allowed, FindingWorkflow.CanMove(from, to));

    [Fact]
    public void A_finding_is_overdue_the_day_after_its_due_date_while_not_closed()
    {
        Assert.False(FindingWorkflow.IsOverdue(FindingStatus.Open, Today, Today));
        Assert.True(FindingWorkflow.IsOverdue(FindingStatus.InProgress, Today.AddDays(-1), Today));
        Assert.False(FindingWorkflow.IsOverdue(FindingStatus.Resolved, Today.AddDays(-1), Today));
        Assert.False(FindingWorkflow.IsOverdue(FindingStatus.Open, null, Today));
    }

    [Fact]
    public void Soon_due_means_due_within_fourteen_days()
    {
        Assert.True(FindingWorkflow.IsSoonDue(FindingStatus.Open, Today, Today));
        Assert.True(FindingWorkflow.IsSoonDue(FindingStatus.Open, Today.AddDays(14), Today));
        Assert.False(FindingWorkflow.IsSoonDue(FindingStatus.Open, Today.AddDays(15), Today));
        Assert.False(FindingWorkflow.IsSoonDue(FindingStatus.RiskAccepted, Today, Today));
    }

    [Fact]
    public void Every_knockout_suggests_a_critical_finding() =>
        Assert.Equal(FindingSeverity.Critical, FindingSuggestion.Severity(Choice("q", critical: true), 0.4, knockout: true));

    [Theory]
    [InlineData(null, false, FindingSeverity.High)]
    [InlineData(0.1, false, FindingSeverity.High)]
    [InlineData(0.3, false, FindingSeverity.Medium)]
    [InlineData(0.75, false, FindingSeverity.Low)]
    [InlineData(0.75, true, FindingSeverity.Medium)]
    [InlineData(0.1, true, FindingSeverity.Critical)]
    public void Weaker_answers_and_critical_questions_suggest_more_severe_findings(double? p, bool critical, FindingSeverity expected) =>
        Assert.Equal(expected, FindingSuggestion.Severity(Choice("q", critical: critical), p, knockout: false));
}
