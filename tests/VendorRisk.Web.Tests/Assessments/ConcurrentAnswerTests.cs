using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>Two sessions answering the same question: every write either succeeds on the version it saw or is refused with the current answer.</summary>
public sealed class ConcurrentAnswerTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Two_sessions_answering_the_same_question_200_times_never_lose_an_update_silently()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var first = app.ScopeAs(Roles.Assessor);
        // The draft's assessor and an Admin: the two who may change it (issue 21 item 15, ADR 0009).
        await using var second = app.ScopeAs(Roles.Admin);
        var sessions = new[] { first.ServiceProvider.GetRequiredService<AssessmentService>(), second.ServiceProvider.GetRequiredService<AssessmentService>() };
        var options = new[] { "major-gaps", "some-gaps", "gaps-with-roadmap", "full-parity" };
        var seen = new int[2];
        var successes = 0;
        var conflicts = 0;

        for (var round = 0; round < 200; round++)
        {
            // Both sessions write on the version they last saw, at the same time.
            var writes = Enumerable.Range(0, 2).Select(async s =>
            {
                var value = new AnswerValue { QuestionKey = "region-gating", Choice = options[(round + s) % options.Length], Note = $"round {round} session {s}" };
                try
                {
                    var saved = await sessions[s].SaveAnswerAsync(id, new AnswerInput(value, ExpectedVersion: seen[s]), TestContext.Current.CancellationToken);
                    return (Session: s, Value: value, Version: saved.Version, Conflict: (CurrentAnswer?)null);
                }
                catch (ConflictException ex)
                {
                    return (Session: s, Value: value, Version: -1, Conflict: Assert.IsType<CurrentAnswer>(ex.Current));
                }
            }).ToList();
            var results = await Task.WhenAll(writes);

            var stored = await StoredAsync(id);
            var winners = results.Where(r => r.Conflict is null).ToList();
            Assert.True(winners.Count <= 1 || winners.Select(w => w.Version).Distinct().Count() == winners.Count, "Two writes succeeded on the same version.");
            foreach (var result in results)
            {
                if (result.Conflict is { } current)
                {
                    conflicts++;
                    // The loser sees a newer stored answer than the one it wrote against, with who wrote it.
                    Assert.NotEqual(seen[result.Session], current.Version);
                    Assert.NotNull(current.UpdatedByName);
                    seen[result.Session] = current.Version;
                }
                else
                {
                    successes++;
                    seen[result.Session] = result.Version;
                }
            }

            // The stored answer is the last successful write, never a silently overwritten one.
            var last = winners.MaxBy(w => w.Version);
            if (last.Value is not null)
            {
                Assert.Equal(last.Version, stored.Version);
                Assert.Equal(last.Value.Note, stored.Note);
            }
        }

        Assert.True(successes >= 200, $"At least one write per round must succeed ({successes}).");
        Assert.True(conflicts > 0, "The sessions never raced: the test did not exercise a conflict.");
        var final = await StoredAsync(id);
        Assert.Equal(successes, final.Version);
    }

    private async Task<Answer> StoredAsync(int id)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Answers.AsNoTracking().SingleAsync(a => a.AssessmentId == id && a.QuestionKey == "region-gating");
    }
}
