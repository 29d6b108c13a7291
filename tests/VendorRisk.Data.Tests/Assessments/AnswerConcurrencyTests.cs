using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;

namespace VendorRisk.Data.Tests.Assessments;

/// <summary>Answer.Version is the application-managed concurrency token: a write based on a stale version is refused.</summary>
public sealed class AnswerConcurrencyTests
{
    [Fact]
    public async Task A_second_context_saving_an_answer_on_a_stale_version_gets_a_concurrency_conflict()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var answerId = (await AssessmentSeed.SeedAsync(database)).AnswerId;

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Answers.SingleAsync(a => a.Id == answerId, TestContext.Current.CancellationToken);
        var theirs = await second.Answers.SingleAsync(a => a.Id == answerId, TestContext.Current.CancellationToken);

        mine.Choice = "b";
        mine.Version++;
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);

        theirs.Choice = "c";
        theirs.Version++;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));

        await using var check = database.CreateContext();
        var stored = await check.Answers.AsNoTracking().SingleAsync(a => a.Id == answerId, TestContext.Current.CancellationToken);
        Assert.Equal("b", stored.Choice);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Two_answers_to_one_question_of_one_assessment_are_refused_by_the_unique_index()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var answerId = (await AssessmentSeed.SeedAsync(database)).AnswerId;
        await using var db = database.CreateContext();
        var existing = await db.Answers.AsNoTracking().SingleAsync(a => a.Id == answerId, TestContext.Current.CancellationToken);
        db.Answers.Add(new Answer { AssessmentId = existing.AssessmentId, QuestionKey = existing.QuestionKey, Choice = "x", Version = 1, UpdatedById = "u", UpdatedByName = "u", UpdatedAt = DateTime.UtcNow });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }
}
