using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Findings;
using VendorRisk.Web.Features.Scores;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Infrastructure.UseCases;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Scores;

/// <summary>ADR 0026: the score stored beside an assessment always equals a fresh scoring of its saved answers.</summary>
public sealed class StoredScoreConsistencyTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task AssertStoredEqualsFreshAsync(int id)
    {
        AssessmentSnapshot fresh;
        await using (var viewer = app.ScopeAs(Roles.Viewer))
            fresh = await viewer.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id, Ct);
        await using var db = await app.CreateDbContextAsync();
        var stored = await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

        Assert.Equal(StoredScores.Revision, stored.ScoreRevision);
        Assert.Equal(fresh.Score.Overall, stored.ScoreOverall);
        Assert.Equal(fresh.Score.Rating, StoredScores.RatingOn(stored, today));
        Assert.Equal(fresh.Score.BandRating, stored.ScoreBandRating);
        Assert.Equal(fresh.Score.Knockouts, stored.ScoreKnockouts);
        Assert.Equal(fresh.Score.Completeness, stored.ScoreCompleteness);
        Assert.Equal(fresh.Score.Sections.Select(s => s.Score), stored.ScoreSections!);
    }

    [Fact]
    public async Task The_stored_score_follows_saves_a_review_a_risk_acceptance_its_revocation_and_a_new_set_version()
    {
        var id = await TestData.CreateDraftAsync(app);
        await AssertStoredEqualsFreshAsync(id);

        await using (var assessor = app.ScopeAs(Roles.Assessor))
        {
            var service = assessor.ServiceProvider.GetRequiredService<AssessmentService>();
            await service.SaveAnswerAsync(id, TestData.Choice("buyer-eligibility", "declined"), Ct);
            await AssertStoredEqualsFreshAsync(id);
            var saved = await service.SaveAnswerAsync(id, TestData.Choice("buyer-eligibility", "unconfirmed", 1), Ct);
            Assert.Equal(2, saved.Version);
            await AssertStoredEqualsFreshAsync(id);
            await service.SubmitAsync(id, true, Ct);
        }
        await using (var reviewer = app.ScopeAs(Roles.Reviewer))
        {
            await reviewer.ServiceProvider.GetRequiredService<AssessmentService>().ReviewAsync(id, ReviewDecision.Approved, null, Ct);
            await AssertStoredEqualsFreshAsync(id);

            var knockout = (await reviewer.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id, Ct)).Score.Knockouts[0];
            await reviewer.ServiceProvider.GetRequiredService<UseCasePipeline>().RunAsync(new AcceptKnockoutRiskRequest
            {
                AssessmentId = id, QuestionKey = knockout, Justification = "Pilot only.", Until = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(30),
            }, Ct);
            await AssertStoredEqualsFreshAsync(id);
            await reviewer.ServiceProvider.GetRequiredService<UseCasePipeline>().RunAsync(new RevokeKnockoutRiskRequest(id, knockout), Ct);
            await AssertStoredEqualsFreshAsync(id);
        }

        // A new version of the set changes nothing of an assessment answered against the old one.
        await TestData.EnsurePublishedAsync(app, TestData.Frontier, await File.ReadAllTextAsync(TestData.SeedFile(TestData.Frontier), Ct));
        await AssertStoredEqualsFreshAsync(id);
    }

    [Fact]
    public async Task Start_up_stores_the_score_of_assessments_that_have_none()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using (var assessor = app.ScopeAs(Roles.Assessor))
            await assessor.ServiceProvider.GetRequiredService<AssessmentService>().SaveAnswerAsync(id, TestData.Choice("buyer-eligibility", "declined"), Ct);
        await using (var db = await app.CreateDbContextAsync())
        {
            await db.Assessments.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ScoreRevision, 0).SetProperty(a => a.ScoreOverall, (double?)null).SetProperty(a => a.ScoreKnockouts, (List<string>?)null), Ct);
        }

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<VendorRisk.Web.Infrastructure.ISeeder>().OfType<StoredScoreBackfill>().Single().SeedAsync(Ct);

        await AssertStoredEqualsFreshAsync(id);
    }

    [Fact]
    public void A_stored_rating_that_relies_on_an_acceptance_is_capped_again_the_day_after_it_lapses()
    {
        var set = TestData.FrontierSet;
        // Strong answers everywhere a choice is asked, except one critical question: a good band, capped by the knockout.
        var answers = set.AllQuestions.Where(q => q.Type == QuestionType.Choice)
            .ToDictionary(q => q.Key, q => new AnswerValue { QuestionKey = q.Key, Choice = q.Options.MaxBy(o => o.Score)!.Key });
        answers["buyer-eligibility"] = new AnswerValue { QuestionKey = "buyer-eligibility", Choice = "declined" };
        var today = new DateOnly(2026, 11, 30);
        var knockouts = ScoringEngine.Score(set, answers, today).Knockouts;
        var until = today.AddDays(10);
        var acceptances = knockouts.Select(k => new KnockoutAcceptance(k, "reviewer", "Reviewer", until)).ToList();

        var stored = StoredScores.Compute(set, answers, new KnockoutAcceptances(acceptances, today), today);
        var entity = new Assessment
        {
            ScoreRating = stored.Rating, ScoreCappedRating = stored.CappedRating, ScoreRatingUntil = stored.RatingUntil,
        };

        Assert.Equal(until, stored.RatingUntil);
        Assert.Equal(ScoringEngine.Score(set, answers, until, acceptances: new KnockoutAcceptances(acceptances, until)).Rating, StoredScores.RatingOn(entity, until));
        var dayAfter = until.AddDays(1);
        Assert.Equal(ScoringEngine.Score(set, answers, dayAfter, acceptances: new KnockoutAcceptances(acceptances, dayAfter)).Rating, StoredScores.RatingOn(entity, dayAfter));
        Assert.NotEqual(StoredScores.RatingOn(entity, until), StoredScores.RatingOn(entity, dayAfter));
    }
}
