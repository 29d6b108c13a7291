using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Scoring;
using VendorRisk.Domain.Tests.TestSupport;
using static VendorRisk.Domain.Tests.TestSupport.QuestionSetBuilder;

namespace VendorRisk.Domain.Tests.Scoring;

/// <summary>scoring.md §4, accepted knockouts.</summary>
public class AcceptedKnockoutTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 1);
    private static readonly DateOnly Today = new(2026, 11, 25);

    // Band "Low" (score 90) with one critical question failed: the knockout rating is "High".
    private static readonly QuestionSetDefinition OneKnockout = new QuestionSetBuilder()
        .Section("s", 1, Choice("guard", critical: true), Choice("other", weight: 9)).Build();

    private static readonly QuestionSetDefinition TwoKnockouts = new QuestionSetBuilder()
        .Section("s", 1, Choice("guard", critical: true), Choice("logs", critical: true), Choice("other", weight: 18)).Build();

    private static KnockoutAcceptance Accepted(string key, DateOnly until, bool revoked = false) => new(key, "u-rev", "Rita Reviewer", until, revoked);

    private static AssessmentScore Score(QuestionSetDefinition set, IReadOnlyDictionary<string, AnswerValue> answers, DateOnly today, params KnockoutAcceptance[] acceptances) =>
        ScoringEngine.Score(set, answers, AsOf, acceptances: new KnockoutAcceptances(acceptances, today));

    private static readonly IReadOnlyDictionary<string, AnswerValue> GuardFailed =
        Answers.Of(Answers.Choice("guard", "none"), Answers.Choice("other", "full"));

    [Fact]
    public void Without_acceptance_the_knockout_caps_the_rating()
    {
        var score = Score(OneKnockout, GuardFailed, Today);

        Assert.Equal("Low", score.BandRating);
        Assert.Equal("High", score.Rating);
        Assert.Empty(score.AcceptedKnockouts);
    }

    [Fact]
    public void An_accepted_knockout_lets_the_band_rating_stand_and_stays_listed_with_who_and_until_when()
    {
        var score = Score(OneKnockout, GuardFailed, Today, Accepted("guard", Today.AddDays(30)));

        Assert.Equal("Low", score.Rating);
        Assert.Equal(["guard"], score.Knockouts);
        var accepted = Assert.Single(score.AcceptedKnockouts);
        Assert.Equal(("guard", "Rita Reviewer", Today.AddDays(30)), (accepted.QuestionKey, accepted.AcceptedByName, accepted.Until));
        Assert.Empty(score.UnacceptedKnockouts);
    }

    [Fact]
    public void An_acceptance_is_in_force_on_its_expiry_date_and_lapses_the_day_after()
    {
        var acceptance = Accepted("guard", Today);

        Assert.Equal("Low", Score(OneKnockout, GuardFailed, Today, acceptance).Rating);
        var dayAfter = Score(OneKnockout, GuardFailed, Today.AddDays(1), acceptance);
        Assert.Equal("High", dayAfter.Rating);
        Assert.Empty(dayAfter.AcceptedKnockouts);
        Assert.Equal(["guard"], dayAfter.Knockouts);
    }

    [Fact]
    public void A_revoked_acceptance_is_not_in_force()
    {
        var score = Score(OneKnockout, GuardFailed, Today, Accepted("guard", Today.AddDays(90), revoked: true));

        Assert.Equal("High", score.Rating);
        Assert.Empty(score.AcceptedKnockouts);
    }

    [Fact]
    public void Acceptances_are_judged_on_today_not_on_the_as_of_date()
    {
        // In force on the as-of date (June) but lapsed today (November): capped again.
        var score = Score(OneKnockout, GuardFailed, Today, Accepted("guard", AsOf.AddDays(10)));

        Assert.Equal("High", score.Rating);
    }

    [Fact]
    public void When_only_some_knockouts_are_accepted_the_rating_is_still_capped()
    {
        var answers = Answers.Of(Answers.Choice("guard", "none"), Answers.Choice("logs", "none"), Answers.Choice("other", "full"));

        var some = Score(TwoKnockouts, answers, Today, Accepted("guard", Today.AddDays(5)));
        var all = Score(TwoKnockouts, answers, Today, Accepted("guard", Today.AddDays(5)), Accepted("logs", Today.AddDays(5)));

        Assert.Equal("Low", some.BandRating);
        Assert.Equal("High", some.Rating);
        Assert.Equal(["logs"], some.UnacceptedKnockouts);
        Assert.Equal("Low", all.Rating);
        Assert.Equal(["guard", "logs"], all.Knockouts);
        Assert.Equal(2, all.AcceptedKnockouts.Count);
    }

    [Fact]
    public void With_no_score_there_is_no_rating_but_accepted_knockouts_are_still_listed()
    {
        var set = new QuestionSetBuilder().Section("s", 0, Choice("guard", critical: true)).Build();

        var score = Score(set, Answers.Of(Answers.Choice("guard", "none")), Today, Accepted("guard", Today));

        Assert.Null(score.Overall);
        Assert.Null(score.Rating);
        Assert.Equal(["guard"], score.Knockouts);
        Assert.Equal("guard", Assert.Single(score.AcceptedKnockouts).QuestionKey);
    }

    [Fact]
    public void An_acceptance_of_a_question_that_is_no_longer_a_knockout_affects_nothing_and_applies_again_when_it_fails_again()
    {
        var acceptance = Accepted("guard", Today.AddDays(10));
        var passed = Score(OneKnockout, Answers.Of(Answers.Choice("guard", "full"), Answers.Choice("other", "full")), Today, acceptance);
        var failedAgain = Score(OneKnockout, GuardFailed, Today, acceptance);

        Assert.Empty(passed.Knockouts);
        Assert.Empty(passed.AcceptedKnockouts);
        Assert.Equal("Low", passed.Rating);
        Assert.Equal("Low", failedAgain.Rating);
        Assert.Single(failedAgain.AcceptedKnockouts);
    }

    [Fact]
    public void An_acceptance_of_another_question_does_not_uncap_the_rating()
    {
        var score = Score(OneKnockout, GuardFailed, Today, Accepted("other", Today.AddDays(10)));

        Assert.Equal("High", score.Rating);
    }

    [Fact]
    public void Of_two_acceptances_of_one_knockout_the_one_in_force_counts()
    {
        var score = Score(OneKnockout, GuardFailed, Today, Accepted("guard", Today.AddDays(-1)), Accepted("guard", Today.AddDays(20)));

        Assert.Equal(Today.AddDays(20), Assert.Single(score.AcceptedKnockouts).Until);
    }
}

public class KnockoutAcceptancePolicyTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly AssessmentScore GuardKnockedOut = ScoringEngine.Score(
        new QuestionSetBuilder().Section("s", 1, Choice("guard", critical: true), Choice("other")).Build(),
        Answers.Of(Answers.Choice("guard", "none")), Today);

    [Theory]
    [InlineData(AssessmentStatus.Submitted)]
    [InlineData(AssessmentStatus.Approved)]
    [InlineData(AssessmentStatus.ApprovedWithConditions)]
    [InlineData(AssessmentStatus.Rejected)]
    public void A_reviewer_who_is_not_the_assessor_may_accept_a_knockout_of_a_submitted_or_reviewed_assessment(AssessmentStatus status) =>
        Assert.Equal(AcceptanceRefusal.None, KnockoutAcceptancePolicy.Check(new AssessmentFacts(status, "assessor", SubmittedById: "assessor"), "reviewer", GuardKnockedOut, "guard"));

    [Fact]
    public void A_draft_is_refused() =>
        Assert.Equal(AcceptanceRefusal.Draft, KnockoutAcceptancePolicy.Check(new AssessmentFacts(AssessmentStatus.Draft, "assessor", SubmittedById: null), "reviewer", GuardKnockedOut, "guard"));

    [Fact]
    public void The_assessor_may_not_accept_their_own_assessment_s_knockout() =>
        Assert.Equal(AcceptanceRefusal.SelfAcceptance, KnockoutAcceptancePolicy.Check(new AssessmentFacts(AssessmentStatus.Submitted, "same", SubmittedById: "same"), "same", GuardKnockedOut, "guard"));

    [Fact]
    public void An_admin_who_submitted_someone_else_s_assessment_may_not_accept_its_knockout_either() =>
        Assert.Equal(AcceptanceRefusal.SelfAcceptance, KnockoutAcceptancePolicy.Check(new AssessmentFacts(AssessmentStatus.Submitted, "assessor", SubmittedById: "admin"), "admin", GuardKnockedOut, "guard"));

    [Theory]
    [InlineData("other")]
    [InlineData("missing")]
    public void A_question_that_is_not_a_knockout_now_is_refused(string key) =>
        Assert.Equal(AcceptanceRefusal.NotAKnockout, KnockoutAcceptancePolicy.Check(new AssessmentFacts(AssessmentStatus.Submitted, "assessor", SubmittedById: "assessor"), "reviewer", GuardKnockedOut, key));

    [Theory]
    [InlineData(0, true)]
    [InlineData(365, true)]
    [InlineData(-1, false)]
    [InlineData(366, false)]
    public void The_expiry_runs_from_today_to_365_days_ahead(int days, bool valid) =>
        Assert.Equal(valid, KnockoutAcceptancePolicy.CheckExpiry(Today.AddDays(days), Today) is null);

    [Theory]
    [InlineData(null, false)]
    [InlineData("  ", false)]
    [InlineData("\u0000", false)]
    [InlineData("\u200b\u200b", false)]
    [InlineData("Pilot only, no production data.", true)]
    public void A_justification_is_required(string? justification, bool valid) =>
        Assert.Equal(valid, KnockoutAcceptancePolicy.CheckJustification(justification) is null);

    [Fact]
    public void A_justification_over_2000_characters_is_refused()
    {
        Assert.Null(KnockoutAcceptancePolicy.CheckJustification(new string('x', 2_000)));
        Assert.NotNull(KnockoutAcceptancePolicy.CheckJustification(new string('x', 2_001)));
    }
}
