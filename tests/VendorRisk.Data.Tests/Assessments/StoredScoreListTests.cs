using Microsoft.EntityFrameworkCore;

namespace VendorRisk.Data.Tests.Assessments;

/// <summary>The stored score's lists are compared and copied by value: a change inside a list is saved, an untouched list is no change.</summary>
public sealed class StoredScoreListTests
{
    [Fact]
    public async Task A_change_inside_the_stored_score_lists_is_saved_and_an_untouched_list_is_no_change()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var (assessmentId, _) = await AssessmentSeed.SeedAsync(database);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var db = database.CreateContext())
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId, cancellationToken);
            assessment.ScoreSections = [1.5, null];
            assessment.ScoreKnockouts = ["region-gating"];
            await db.SaveChangesAsync(cancellationToken);
        }

        await using (var db = database.CreateContext())
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId, cancellationToken);
            Assert.False(db.ChangeTracker.HasChanges());
            assessment.ScoreSections![1] = 2.5;
            assessment.ScoreKnockouts!.Add("exit-plan");
            Assert.True(db.ChangeTracker.HasChanges());
            await db.SaveChangesAsync(cancellationToken);
        }

        await using var check = database.CreateContext();
        var stored = await check.Assessments.AsNoTracking().SingleAsync(a => a.Id == assessmentId, cancellationToken);
        Assert.Equal([1.5, 2.5], stored.ScoreSections!);
        Assert.Equal(["region-gating", "exit-plan"], stored.ScoreKnockouts!);
    }
}
