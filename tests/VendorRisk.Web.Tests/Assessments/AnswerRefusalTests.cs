using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>Forged and out-of-range answers are refused by the service with a message at the right path, and nothing is stored.</summary>
public sealed class AnswerRefusalTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    public static TheoryData<string, string> Forged() => new()
    {
        { "option-not-in-question", "answers[1].choice" },
        { "options-not-in-question", "answers[1].choices" },
        { "repeated-option", "answers[1].choices" },
        { "number-not-finite", "answers[1].number" },
        { "number-infinite", "answers[1].number" },
        { "number-too-large", "answers[1].number" },
        { "negative-cost", "answers[1].number" },
        { "text-too-long", "answers[1].text" },
        { "note-too-long", "answers[1].note" },
        { "justification-too-long", "answers[1].justification" },
        { "evidence-too-long", "answers[1].evidence.description" },
        { "key-from-another-set", "answers[1].questionKey" },
        { "unknown-key", "answers[1].questionKey" },
        { "na-not-allowed", "answers[1].notApplicable" },
        { "na-without-justification", "answers[1].justification" },
        { "wrong-kind", "answers[1].number" },
        { "repeated-question", "answers[1].questionKey" },
    };

    private static AnswerValue Case(string name) => name switch
    {
        "option-not-in-question" => new() { QuestionKey = "usage-anomaly-detection", Choice = "forged-option" },
        "options-not-in-question" => new() { QuestionKey = "tenant-abuse-controls", Choices = ["forged"] },
        "repeated-option" => new() { QuestionKey = "tenant-abuse-controls", Choices = ["scoped-keys", "scoped-keys"] },
        "number-not-finite" => new() { QuestionKey = "price-input", Number = double.NaN },
        "number-infinite" => new() { QuestionKey = "price-input", Number = double.PositiveInfinity },
        "number-too-large" => new() { QuestionKey = "rate-limit-tpm", Number = 1.5e15 },
        "negative-cost" => new() { QuestionKey = "price-input", Number = -0.01 },
        "text-too-long" => new() { QuestionKey = "pricing-notes", Text = new string('x', AnswerLimits.TextMaxLength + 1) },
        "note-too-long" => new() { QuestionKey = "usage-anomaly-detection", Choice = "none", Note = new string('x', AnswerLimits.NoteMaxLength + 1) },
        "justification-too-long" => new() { QuestionKey = "region-gating", NotApplicable = true, Justification = new string('x', AnswerLimits.JustificationMaxLength + 1) },
        "evidence-too-long" => new() { QuestionKey = "usage-anomaly-detection", Choice = "none", Evidence = new Evidence(new string('x', AnswerLimits.EvidenceDescriptionMaxLength + 1), EvidenceSource.Contract, null) },
        "key-from-another-set" => new() { QuestionKey = "training-data-use", Choice = "never" },
        "unknown-key" => new() { QuestionKey = "no-such-question", Choice = "x" },
        "na-not-allowed" => new() { QuestionKey = "usage-anomaly-detection", NotApplicable = true, Justification = "Not for us." },
        "na-without-justification" => new() { QuestionKey = "region-gating", NotApplicable = true },
        "wrong-kind" => new() { QuestionKey = "usage-anomaly-detection", Number = 3 },
        "repeated-question" => new() { QuestionKey = "probing-traffic-policy", Choice = "none" },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task A_forged_or_out_of_range_answer_is_refused_with_a_message_and_nothing_is_stored(string name, string path)
    {
        await TestData.EnsurePublishedAsync(app, TestData.QuickScreen);
        var id = await TestData.CreateDraftAsync(app);
        var valid = await ValidFirstAnswerAsync(id);
        await using var scope = app.ScopeAs(Roles.Assessor);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            service.SaveAnswersAsync(id, [TestData.Choice("probing-traffic-policy", valid), new AnswerInput(Case(name))], TestContext.Current.CancellationToken));

        Assert.True(ex.Errors.ContainsKey(path), $"Expected an error at {path}; got {string.Join(", ", ex.Errors.Keys)}");
        Assert.All(ex.Errors[path], message => Assert.False(string.IsNullOrWhiteSpace(message)));
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.Answers.AnyAsync(a => a.AssessmentId == id, TestContext.Current.CancellationToken));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == "answer" && e.EntityId!.StartsWith($"{id}/"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_valid_batch_of_every_question_type_is_stored_with_version_1()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var saved = await service.SaveAnswersAsync(id,
        [
            TestData.Choice("probing-traffic-policy", await ValidFirstAnswerAsync(id)),
            new AnswerInput(new AnswerValue { QuestionKey = "tenant-abuse-controls", Choices = [] }),
            new AnswerInput(new AnswerValue { QuestionKey = "price-input", Number = 2.5 }),
            new AnswerInput(new AnswerValue { QuestionKey = "pricing-notes", Text = "=HYPERLINK(\"x\")" }),
            new AnswerInput(new AnswerValue { QuestionKey = "region-gating", NotApplicable = true, Justification = "Single region." }),
        ], TestContext.Current.CancellationToken);

        Assert.All(saved, s => Assert.Equal(1, s.Version));
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(5, await db.Answers.CountAsync(a => a.AssessmentId == id, TestContext.Current.CancellationToken));
        Assert.Equal(5, await db.AuditEntries.CountAsync(e => e.EntityType == "answer" && e.EntityId!.StartsWith($"{id}/"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Marking_not_applicable_drops_the_stored_value_and_clear_drops_the_answer()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var first = await service.SaveAnswerAsync(id, TestData.Choice("region-gating", "major-gaps"), TestContext.Current.CancellationToken);
        var second = await service.SaveAnswerAsync(id, new AnswerInput(new AnswerValue { QuestionKey = "region-gating", NotApplicable = true, Justification = "One region." }, ExpectedVersion: first.Version), TestContext.Current.CancellationToken);

        await using (var db = await app.CreateDbContextAsync())
        {
            var stored = await db.Answers.SingleAsync(a => a.AssessmentId == id, TestContext.Current.CancellationToken);
            Assert.True(stored.NotApplicable);
            Assert.Null(stored.Choice);
            Assert.Equal(2, stored.Version);
        }

        await service.SaveAnswerAsync(id, new AnswerInput(new AnswerValue { QuestionKey = "region-gating" }, Clear: true, ExpectedVersion: second.Version), TestContext.Current.CancellationToken);
        await using (var db = await app.CreateDbContextAsync())
            Assert.False(await db.Answers.AnyAsync(a => a.AssessmentId == id, TestContext.Current.CancellationToken));

        // A writer still holding version 1 or 2 cannot overwrite after the clear and a new answer.
        var again = await service.SaveAnswerAsync(id, TestData.Choice("region-gating", "major-gaps", expected: 0), TestContext.Current.CancellationToken);
        Assert.True(again.Version > second.Version);
        await Assert.ThrowsAsync<ConflictException>(() => service.SaveAnswerAsync(id, TestData.Choice("region-gating", "major-gaps", expected: 1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_viewer_cannot_save_answers_and_nothing_changes()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var scope = app.ScopeAs(Roles.Viewer);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => service.SaveAnswersAsync(id, [TestData.Choice("region-gating", "major-gaps")], TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.CreateAsync(new CreateAssessmentRequest(1, TestData.Frontier), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.SubmitAsync(id, true, TestContext.Current.CancellationToken));

        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.Answers.AnyAsync(a => a.AssessmentId == id, TestContext.Current.CancellationToken));
        Assert.Equal(AssessmentStatus.Draft, (await db.Assessments.SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken)).Status);
    }

    private async Task<string> ValidFirstAnswerAsync(int id)
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var snapshot = await scope.ServiceProvider.GetRequiredService<Features.Shared.AssessmentReader>().GetAsync(id);
        return snapshot.QuestionSet.FindQuestion("probing-traffic-policy")!.Options[0].Key;
    }
}
