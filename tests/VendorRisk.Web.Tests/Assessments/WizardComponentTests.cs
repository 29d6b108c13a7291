using Microsoft.AspNetCore.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

public sealed class WizardComponentTests : BunitTestBase
{
    private static readonly QuestionSetDefinition Set = TestData.FrontierSet;

    private static AssessmentSnapshot Snapshot(string? lastSection = null) => new()
    {
        Id = 7, VendorId = 1, VendorName = "Vendor", Title = "Test", Status = AssessmentStatus.Draft, AssessorId = "a", AssessorName = "A",
        CreatedAt = DateTime.UtcNow, Version = 1, QuestionSetVersionId = 1, QuestionSetVersionNumber = 1, QuestionSet = Set,
        Answers = new Dictionary<string, StoredAnswer>(), AsOf = DateOnly.FromDateTime(DateTime.UtcNow), LastSectionKey = lastSection,
        Score = ScoringEngine.Score(Set, new Dictionary<string, AnswerValue>(), DateOnly.FromDateTime(DateTime.UtcNow)),
    };

    /// <summary>A clock the test moves: a save that waits shows "Saving…" only once <see cref="QuestionEditor.SavingShownAfter"/> has passed.</summary>
    private FakeTimeProvider UseFakeClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Services.AddSingleton<TimeProvider>(clock);
        return clock;
    }

    /// <summary>A question whose save waits, as on PostgreSQL, until the test completes <c>pending</c>.</summary>
    private (IRenderedComponent<QuestionEditor> Cut, TaskCompletionSource<SavedAnswer> Pending) RenderEditorWithHeldSave()
    {
        RenderProviders();
        var pending = new TaskCompletionSource<SavedAnswer>();
        var cut = Render<QuestionEditor>(p => p
            .Add(q => q.Question, Set.FindQuestion("probing-traffic-policy")!)
            .Add(q => q.Number, 2)
            .Add(q => q.Save, _ => pending.Task));
        return (cut, pending);
    }

    private static Task<SavedAnswer> Saves(AnswerInput input) =>
        Task.FromResult(new SavedAnswer(input.Value.QuestionKey, (input.ExpectedVersion ?? 0) + 1, input.Clear, "Me", DateTime.UtcNow));

    [Fact]
    public void The_wizard_opens_at_the_last_section_and_renders_each_question_type_with_its_input()
    {
        RenderProviders();
        var cut = Render<AssessmentWizard>(p => p
            .Add(w => w.Assessment, Snapshot("usage-and-cost"))
            .Add(w => w.Save, Saves));

        Assert.Contains("Usage", cut.Find("#section-title").TextContent, StringComparison.OrdinalIgnoreCase);
        // number, labelled with its unit
        Assert.NotEmpty(cut.FindAll("#q-price-input input[inputmode], #q-price-input input[type=text], #q-price-input input[type=number]"));
        Assert.Empty(cut.FindAll("#q-price-input input[type=radio]"));
        Assert.Contains("USD per 1M tokens", cut.Find("#q-price-input").TextContent);
        Assert.Equal(Set.FindQuestion("budget-caps")!.Options.Count, cut.FindAll("#q-budget-caps input[type=radio]").Count); // choice
        Assert.Equal(Set.FindQuestion("agentic-loop-controls")!.Options.Count + 1, cut.FindAll("#q-agentic-loop-controls input[type=checkbox]").Count); // multi + "none of these"
        Assert.NotEmpty(cut.FindAll("#q-pricing-notes textarea")); // text
        var guidance = Set.FindQuestion("price-input")!.Guidance!;
        Assert.Contains(guidance[..40], cut.Markup);
    }

    [Fact]
    public void A_forged_click_on_previous_in_the_first_section_changes_nothing_and_the_circuit_lives()
    {
        RenderProviders();
        var cut = Render<AssessmentWizard>(p => p
            .Add(w => w.Assessment, Snapshot(Set.Sections[0].Key))
            .Add(w => w.Save, Saves));
        var title = cut.Find("#section-title").TextContent;
        Assert.True(cut.Find("#previous-section").HasAttribute("disabled"));

        // A client can send the click whatever the button's state; it was Sections[-1].
        cut.Find("#previous-section").Click();

        Assert.Equal(title, cut.Find("#section-title").TextContent);
    }

    [Fact]
    public void The_options_of_a_choice_question_stand_one_per_line()
    {
        RenderProviders();
        var cut = Render<AssessmentWizard>(p => p
            .Add(w => w.Assessment, Snapshot("eligibility-and-control"))
            .Add(w => w.Save, Saves));

        // MudBlazor lays a radio group's children out as a wrapping row: the options must sit in one column inside it.
        var group = cut.Find("#q-buyer-eligibility-choice");
        var column = Assert.Single(group.Children);
        Assert.Contains("flex-column", column.ClassList);
        Assert.Equal(6, column.QuerySelectorAll(".mud-radio").Length);
        Assert.Equal(6, group.QuerySelectorAll(".mud-radio").Length);
    }

    [Fact]
    public void The_breakdown_explains_the_score_in_plain_words_and_keeps_the_formula_behind_a_disclosure()
    {
        RenderProviders();
        var cut = Render<ScoreBreakdown>(p => p.Add(x => x.Assessment, Snapshot()));

        Assert.DoesNotContain("Σ", cut.Find("#score-plain").TextContent, StringComparison.Ordinal);
        var disclosure = cut.Find("details#how-scored");
        Assert.Equal("How is this scored?", disclosure.QuerySelector("summary")!.TextContent.Trim());
        Assert.Contains("Σ", disclosure.TextContent, StringComparison.Ordinal);
        // Outside the disclosure: no formula, and no column called "p".
        var outside = cut.Markup.Replace(disclosure.OuterHtml, "", StringComparison.Ordinal);
        Assert.DoesNotContain("Σ", outside, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("th"), th => th.TextContent.Trim() == "p");
    }

    [Fact]
    public async Task Choosing_not_applicable_shows_the_required_justification_and_saves_only_once_it_is_given()
    {
        RenderProviders();
        var saves = new List<AnswerInput>();
        var cut = Render<QuestionEditor>(p => p
            .Add(q => q.Question, Set.FindQuestion("region-gating")!)
            .Add(q => q.Number, 1)
            .Add(q => q.Save, input => { saves.Add(input); return Saves(input); }));
        Assert.Empty(cut.FindAll("#q-region-gating-justification"));

        await cut.InvokeAsync(() => cut.Find("#q-region-gating-na").Change(true));

        Assert.NotEmpty(cut.FindAll("#q-region-gating-justification"));
        Assert.Contains("add a justification", cut.Find("[data-save-state]").TextContent);
        Assert.Empty(saves);

        var justification = cut.FindComponents<MudTextField<string>>().Single(t => t.Instance.Label!.StartsWith("Why", StringComparison.Ordinal));
        await cut.InvokeAsync(() => justification.Instance.ValueChanged.InvokeAsync("Single region."));
        cut.WaitForAssertion(() => Assert.Equal("saved", cut.Find("[data-save-state]").GetAttribute("data-save-state")));
        var saved = Assert.Single(saves);
        Assert.True(saved.Value.NotApplicable);
        Assert.Equal("Single region.", saved.Value.Justification);
        Assert.Null(saved.Value.Choice);
    }

    [Fact]
    public async Task A_save_redraws_its_own_question_and_the_live_score_but_not_the_sections_other_questions()
    {
        RenderProviders();
        var cut = Render<AssessmentWizard>(p => p
            .Add(w => w.Assessment, Snapshot("eligibility-and-control"))
            .Add(w => w.Save, Saves));
        var progressBefore = cut.Find("#live-score [role=progressbar]").GetAttribute("aria-valuenow");
        var editors = cut.FindComponents<QuestionEditor>();
        var others = editors.Skip(1).Select(e => (Editor: e, Renders: e.RenderCount)).ToList();
        var first = editors[0];
        var option = first.Instance.Question.Options[0].Key;

        await cut.InvokeAsync(() => first.FindComponent<OptionList>().Instance.ValueChanged.InvokeAsync(option));

        cut.WaitForAssertion(() => Assert.Contains("Saved", first.Find("[data-save-state]").TextContent));
        Assert.NotEqual(progressBefore, cut.Find("#live-score [role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.All(others, o => Assert.Equal(o.Renders, o.Editor.RenderCount));
        // Still drawn on its own changes: the next question's choice shows at once.
        var second = others[0].Editor;
        await cut.InvokeAsync(() => second.FindComponent<OptionList>().Instance.ValueChanged.InvokeAsync(second.Instance.Question.Options[0].Key));
        cut.WaitForAssertion(() => Assert.Contains("Saved", second.Find("[data-save-state]").TextContent));
    }

    [Fact]
    public async Task An_accepted_knockout_stays_accepted_in_the_live_score_after_a_save()
    {
        // A draft sent back by its reviewer keeps the knockout acceptances given while it was submitted (scoring.md §4).
        RenderProviders();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var answers = Set.AllQuestions.Where(q => q.Type == QuestionType.Choice)
            .ToDictionary(q => q.Key, q => new AnswerValue { QuestionKey = q.Key, Choice = q.Options.MaxBy(o => o.Score)!.Key });
        answers["buyer-eligibility"] = new AnswerValue { QuestionKey = "buyer-eligibility", Choice = "restricted" };
        var acceptances = new KnockoutAcceptances([new KnockoutAcceptance("buyer-eligibility", "r", "Rita Reviewer", today.AddDays(30))], today);
        var score = ScoringEngine.Score(Set, answers, today, acceptances: acceptances);
        Assert.NotEqual(Set.KnockoutRating, score.Rating);
        var snapshot = Snapshot("eligibility-and-control") with
        {
            Answers = answers.ToDictionary(a => a.Key, a => new StoredAnswer(a.Value, 1, "a", "A", DateTime.UtcNow)),
            Acceptances = acceptances,
            Score = score,
        };
        var cut = Render<AssessmentWizard>(p => p.Add(w => w.Assessment, snapshot).Add(w => w.Save, Saves));
        AssertAccepted();

        var editor = cut.FindComponents<QuestionEditor>().First(e => e.Instance.Question.Key != "buyer-eligibility" && e.Instance.Question.Type == QuestionType.Choice);
        var worse = editor.Instance.Question.Options.MinBy(o => o.Score)!.Key;
        await cut.InvokeAsync(() => editor.FindComponent<OptionList>().Instance.ValueChanged.InvokeAsync(worse));
        cut.WaitForAssertion(() => Assert.Contains("Saved", editor.Find("[data-save-state]").TextContent));

        AssertAccepted();

        void AssertAccepted()
        {
            var live = cut.Find("#live-score");
            Assert.Equal(score.Rating, live.QuerySelector(".vr-rating-chip")!.GetAttribute("data-rating"));
            Assert.Empty(live.QuerySelectorAll(".vr-knockout-name"));
            var accepted = System.Text.RegularExpressions.Regex.Replace(live.QuerySelector(".vr-accepted-knockout")!.TextContent, @"\s+", " ").Trim();
            Assert.StartsWith("Accepted knockout: ", accepted, StringComparison.Ordinal);
            Assert.Contains(" — risk accepted by Rita Reviewer until ", accepted, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_save_state_goes_from_saving_to_saved_and_shows_retry_when_a_save_fails()
    {
        var clock = UseFakeClock();
        RenderProviders();
        var pending = new TaskCompletionSource<SavedAnswer>();
        var fail = false;
        var cut = Render<QuestionEditor>(p => p
            .Add(q => q.Question, Set.FindQuestion("probing-traffic-policy")!)
            .Add(q => q.Number, 2)
            .Add(q => q.Save, _ => fail ? Task.FromException<SavedAnswer>(new TimeoutException("database busy")) : pending.Task));
        var group = cut.FindComponent<OptionList>();

        var click = cut.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync("spend-tiers"));
        clock.Advance(QuestionEditor.SavingShownAfter);
        cut.WaitForAssertion(() => Assert.Contains("Saving…", cut.Find("[data-save-state]").TextContent));
        pending.SetResult(new SavedAnswer("probing-traffic-policy", 1, false, "Me", DateTime.UtcNow));
        await click;
        cut.WaitForAssertion(() => Assert.Contains("Saved", cut.Find("[data-save-state]").TextContent));

        fail = true;
        await cut.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync("tenant-baselines"));
        cut.WaitForAssertion(() => Assert.Contains("Not saved — retry", cut.Find("[data-save-state]").TextContent));
        Assert.Contains("Retry", cut.Find("[data-save-state]").TextContent);
    }

    [Fact]
    public async Task A_save_the_database_answers_within_a_moment_draws_its_question_once()
    {
        // On PostgreSQL a save yields while the database answers; every render of the question is one more render batch, and
        // "Saving…" drawn for a few milliseconds is a batch nobody can read.
        UseFakeClock();
        var (cut, pending) = RenderEditorWithHeldSave();
        var renders = cut.RenderCount;

        var change = cut.Find("input[value=spend-tiers]").ChangeAsync(new ChangeEventArgs { Value = "spend-tiers" });
        Assert.Equal(renders, cut.RenderCount);
        await cut.InvokeAsync(() => pending.SetResult(new SavedAnswer("probing-traffic-policy", 1, false, "Me", DateTime.UtcNow)));
        await change;

        cut.WaitForAssertion(() => Assert.Contains("Saved", cut.Find("[data-save-state]").TextContent));
        Assert.Equal(renders + 1, cut.RenderCount);
    }

    [Fact]
    public async Task A_save_that_waits_longer_than_a_moment_shows_saving_and_then_saved()
    {
        var clock = UseFakeClock();
        var (cut, pending) = RenderEditorWithHeldSave();
        var renders = cut.RenderCount;

        var change = cut.Find("input[value=spend-tiers]").ChangeAsync(new ChangeEventArgs { Value = "spend-tiers" });
        clock.Advance(QuestionEditor.SavingShownAfter - TimeSpan.FromMilliseconds(1));
        Assert.Equal(renders, cut.RenderCount);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        cut.WaitForAssertion(() => Assert.Contains("Saving…", cut.Find("[data-save-state]").TextContent));
        Assert.Equal(renders + 1, cut.RenderCount);
        await cut.InvokeAsync(() => pending.SetResult(new SavedAnswer("probing-traffic-policy", 1, false, "Me", DateTime.UtcNow)));
        await change;

        cut.WaitForAssertion(() => Assert.Contains("Saved", cut.Find("[data-save-state]").TextContent));
        Assert.Equal(renders + 2, cut.RenderCount);
    }

    [Fact]
    public async Task After_a_save_that_waited_the_live_score_and_the_saved_state_go_out_in_one_render_batch()
    {
        // A render batch is a message to the browser and its acknowledgement back: the wizard's live score draws the
        // question's saved state with it instead of the question drawing itself in a batch of its own.
        UseFakeClock();
        RenderProviders();
        var pending = new TaskCompletionSource<SavedAnswer>();
        var cut = Render<AssessmentWizard>(p => p
            .Add(w => w.Assessment, Snapshot("eligibility-and-control"))
            .Add(w => w.Save, _ => pending.Task));
        var first = cut.FindComponents<QuestionEditor>()[0];
        var option = first.Instance.Question.Options[0].Key;
        var progressBefore = cut.Find("#live-score [role=progressbar]").GetAttribute("aria-valuenow");

        var change = cut.InvokeAsync(() => first.FindComponent<OptionList>().Instance.ValueChanged.InvokeAsync(option));
        // What the question shows in each render batch that draws the wizard after the save: "Saved" in the first one.
        var shownWithLiveScore = new List<string>();
        cut.OnAfterRender += (_, _) => shownWithLiveScore.Add(cut.Find($"#q-{first.Instance.Question.Key} [data-save-state]").GetAttribute("data-save-state")!);
        await cut.InvokeAsync(() => pending.SetResult(new SavedAnswer(first.Instance.Question.Key, 1, false, "Me", DateTime.UtcNow)));
        await change;

        cut.WaitForAssertion(() => Assert.Contains("Saved", first.Find("[data-save-state]").TextContent));
        Assert.NotEqual(progressBefore, cut.Find("#live-score [role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.Equal("saved", shownWithLiveScore.First());
    }

    [Fact]
    public async Task A_change_made_while_a_save_is_on_its_way_is_saved_next_and_the_question_shows_saving_until_then()
    {
        UseFakeClock();
        RenderProviders();
        var saves = new HeldSaves();
        var cut = Render<AssessmentWizard>(p => p
            .Add(w => w.Assessment, Snapshot("eligibility-and-control"))
            .Add(w => w.Save, saves.Save));
        var editor = cut.FindComponents<QuestionEditor>()[0];
        var options = editor.Instance.Question.Options;
        var list = editor.FindComponent<OptionList>();
        string SaveState() => editor.Find("[data-save-state]").GetAttribute("data-save-state")!;

        var first = cut.InvokeAsync(() => list.Instance.ValueChanged.InvokeAsync(options[0].Key));
        var second = cut.InvokeAsync(() => list.Instance.ValueChanged.InvokeAsync(options[1].Key));
        Assert.Single(saves.Inputs);
        await cut.InvokeAsync(() => saves.Finish(0, version: 1));

        cut.WaitForAssertion(() => Assert.Equal(2, saves.Inputs.Count));
        Assert.Equal((options[1].Key, 1), (saves.Inputs[1].Value.Choice, saves.Inputs[1].ExpectedVersion));
        Assert.Equal("saving", SaveState());
        await cut.InvokeAsync(() => saves.Finish(1, version: 2));
        await Task.WhenAll(first, second);
        cut.WaitForAssertion(() => Assert.Equal("saved", SaveState()));
    }

    [Fact]
    public async Task A_conflict_shows_the_other_value_and_who_wrote_it_and_keep_mine_saves_on_their_version()
    {
        RenderProviders();
        var inputs = new List<AnswerInput>();
        var cut = Render<QuestionEditor>(p => p
            .Add(q => q.Question, Set.FindQuestion("probing-traffic-policy")!)
            .Add(q => q.Number, 2)
            .Add(q => q.Save, input =>
            {
                inputs.Add(input);
                return inputs.Count == 1
                    ? Task.FromException<SavedAnswer>(new ConflictException("changed", new CurrentAnswer("probing-traffic-policy",
                        new AnswerValue { QuestionKey = "probing-traffic-policy", Choice = "uniform-limits" }, 4, "Rita Reviewer", DateTime.UtcNow)))
                    : Saves(input);
            }));

        await cut.InvokeAsync(() => cut.FindComponent<OptionList>().Instance.ValueChanged.InvokeAsync("spend-tiers"));

        var alert = cut.Find("#q-probing-traffic-policy-conflict");
        Assert.Contains("Rita Reviewer", alert.TextContent);
        Assert.Contains(Set.FindQuestion("probing-traffic-policy")!.Options.Single(o => o.Key == "uniform-limits").Label, alert.TextContent);
        await cut.InvokeAsync(() => cut.Find("#q-probing-traffic-policy-keep-mine").Click());
        cut.WaitForAssertion(() => Assert.Equal("saved", cut.Find("[data-save-state]").GetAttribute("data-save-state")));
        Assert.Equal(4, inputs[^1].ExpectedVersion);
        Assert.Equal("spend-tiers", inputs[^1].Value.Choice);
    }

    [Fact]
    public void Opening_another_section_brings_its_heading_into_view_and_focuses_it()
    {
        RenderProviders();
        var cut = Render<AssessmentWizard>(p => p.Add(w => w.Assessment, Snapshot()).Add(w => w.Save, Saves));
        Assert.Equal("-1", cut.Find("#section-title").GetAttribute("tabindex"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "vendorRisk.focusPlace");

        cut.Find("#next-section").Click();

        var focus = Assert.Single(JSInterop.Invocations, i => i.Identifier == "vendorRisk.focusPlace");
        Assert.Equal("section-title", focus.Arguments[0]);
        cut.Find("#section-security-and-data-protection").Click();
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "vendorRisk.focusPlace"); // the open section: nothing moves
    }

    [Fact]
    public async Task Clear_answer_returns_an_answered_question_to_unanswered_through_a_versioned_clear_and_updates_the_live_score()
    {
        RenderProviders();
        var answer = new AnswerValue { QuestionKey = "buyer-eligibility", Choice = Set.FindQuestion("buyer-eligibility")!.Options[0].Key };
        var answers = new Dictionary<string, AnswerValue> { [answer.QuestionKey] = answer };
        var snapshot = Snapshot("eligibility-and-control") with
        {
            Answers = new Dictionary<string, StoredAnswer> { [answer.QuestionKey] = new(answer, 3, "a", "A", DateTime.UtcNow) },
            Score = ScoringEngine.Score(Set, answers, DateOnly.FromDateTime(DateTime.UtcNow)),
        };
        var saves = new List<AnswerInput>();
        var cut = Render<AssessmentWizard>(p => p.Add(w => w.Assessment, snapshot)
            .Add(w => w.Save, input => { saves.Add(input); return Task.FromResult(new SavedAnswer(input.Value.QuestionKey, 0, input.Clear, "Me", DateTime.UtcNow)); }));
        Assert.Contains(ShownScore.ProvisionalText, cut.Find("#live-score").TextContent, StringComparison.Ordinal);
        // Only an answered question offers it.
        Assert.Single(cut.FindAll("[id$='-clear']"));

        await cut.InvokeAsync(() => cut.Find("#q-buyer-eligibility-clear").Click());

        var clear = Assert.Single(saves);
        Assert.True(clear.Clear);
        Assert.Equal("buyer-eligibility", clear.Value.QuestionKey);
        Assert.Equal(3, clear.ExpectedVersion);
        cut.WaitForAssertion(() => Assert.Contains("Saved", cut.Find("#q-buyer-eligibility [data-save-state]").TextContent));
        Assert.Empty(cut.FindAll("#q-buyer-eligibility input[type=radio][checked]"));
        Assert.Empty(cut.FindAll("[id$='-clear']"));
        Assert.Contains(ShownScore.NotScoredText, cut.Find("#live-score").TextContent, StringComparison.Ordinal);

        // Undo saves the cleared answer back as a new one, and offers the clear again.
        await cut.InvokeAsync(() => cut.Find("#q-buyer-eligibility-undo").Click());

        Assert.Equal(2, saves.Count);
        Assert.False(saves[1].Clear);
        Assert.Equal(0, saves[1].ExpectedVersion);
        Assert.Equal(answer.Choice, saves[1].Value.Choice);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#q-buyer-eligibility input[type=radio][checked]")));
        Assert.Empty(cut.FindAll("[id$='-undo']"));
        Assert.DoesNotContain(ShownScore.NotScoredText, cut.Find("#live-score").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_clear_goes_once_another_change_is_saved()
    {
        RenderProviders();
        var question = Set.FindQuestion("buyer-eligibility")!;
        var answer = new AnswerValue { QuestionKey = question.Key, Choice = question.Options[0].Key };
        var snapshot = Snapshot("eligibility-and-control") with
        {
            Answers = new Dictionary<string, StoredAnswer> { [answer.QuestionKey] = new(answer, 1, "a", "A", DateTime.UtcNow) },
        };
        var version = 1;
        var cut = Render<AssessmentWizard>(p => p.Add(w => w.Assessment, snapshot)
            .Add(w => w.Save, input => Task.FromResult(new SavedAnswer(input.Value.QuestionKey, input.Clear ? 0 : ++version, input.Clear, "Me", DateTime.UtcNow))));

        await cut.InvokeAsync(() => cut.Find("#q-buyer-eligibility-clear").Click());
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#q-buyer-eligibility-undo")));
        await cut.InvokeAsync(() => cut.FindAll("#q-buyer-eligibility input[type=radio]")[1].Change(question.Options[1].Key));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#q-buyer-eligibility-clear")));
        Assert.Empty(cut.FindAll("#q-buyer-eligibility-undo"));
    }

    [Fact]
    public void A_read_only_wizard_offers_no_clear_answer()
    {
        RenderProviders();
        var answer = new AnswerValue { QuestionKey = "buyer-eligibility", Choice = Set.FindQuestion("buyer-eligibility")!.Options[0].Key };
        var snapshot = Snapshot("eligibility-and-control") with
        {
            Answers = new Dictionary<string, StoredAnswer> { [answer.QuestionKey] = new(answer, 1, "a", "A", DateTime.UtcNow) },
        };

        var cut = Render<AssessmentWizard>(p => p.Add(w => w.Assessment, snapshot).Add(w => w.Save, Saves).Add(w => w.ReadOnly, true));

        Assert.NotEmpty(cut.FindAll("#q-buyer-eligibility input[type=radio][checked]"));
        Assert.Empty(cut.FindAll("[id$='-clear']"));
    }
}
