using Bunit;
using MudBlazor;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>A text or number box's typing waits in the browser (ADR 0059): what the question shows and saves as its events come.</summary>
public sealed class QuestionEditorTypingTests : BunitTestBase
{
    private static readonly QuestionSetDefinition Set = TestData.FrontierSet;

    [Fact]
    public async Task The_first_key_press_shows_unsaved_changes_and_the_text_the_browser_sends_after_its_pause_is_saved_at_once()
    {
        var saves = new HeldSaves();
        var cut = RenderTextQuestion(saves);

        await cut.InvokeAsync(() => cut.Find("[data-vr-typing-pause]").Input("M"));
        Assert.Equal("pending", cut.Find("[data-save-state]").GetAttribute("data-save-state"));
        Assert.Empty(saves.Inputs);

        var text = cut.FindComponents<MudTextField<string>>().Single(t => t.Instance.Label == "Answer");
        var saved = cut.InvokeAsync(() => text.Instance.ValueChanged.InvokeAsync("Moat"));
        cut.WaitForAssertion(() => Assert.Equal("Moat", Assert.Single(saves.Inputs).Value.Text));
        await cut.InvokeAsync(() => saves.Finish(0, version: 1));
        await saved;
        Assert.Equal("saved", cut.Find("[data-save-state]").GetAttribute("data-save-state"));
    }

    [Fact]
    public async Task A_number_is_saved_once_when_the_browser_sends_it_after_its_pause_not_on_each_key_press()
    {
        var saves = new HeldSaves();
        RenderProviders();
        var cut = Render<QuestionEditor>(p => p
            .Add(q => q.Question, Set.FindQuestion("price-input")!)
            .Add(q => q.Number, 3)
            .Add(q => q.Save, saves.Save));
        var box = cut.Find("#q-price-input-number");

        // Only the first key press of a burst reaches the server; the box itself listens to no key press.
        await cut.InvokeAsync(() => box.Input("1"));
        Assert.Equal("pending", cut.Find("[data-save-state]").GetAttribute("data-save-state"));
        Assert.Empty(saves.Inputs);

        var saved = cut.InvokeAsync(() => cut.Find("#q-price-input-number").Change("12.5"));
        cut.WaitForAssertion(() => Assert.Equal(12.5, Assert.Single(saves.Inputs).Value.Number));
        await cut.InvokeAsync(() => saves.Finish(0, version: 1));
        await saved;
        Assert.Equal("saved", cut.Find("[data-save-state]").GetAttribute("data-save-state"));
        Assert.Single(cut.FindAll("[data-vr-typing-pause] #q-price-input-number"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Typing_while_a_save_is_on_its_way_shows_as_unsaved_and_its_text_is_saved_after_it(bool leaveDuringTheSave)
    {
        var saves = new HeldSaves();
        var cut = RenderTextQuestion(saves);
        var text = cut.FindComponents<MudTextField<string>>().Single(t => t.Instance.Label == "Answer");

        // The browser's typing pause sent "Moat": saved at once. The user types on; the first key press says so.
        var first = cut.InvokeAsync(() => text.Instance.ValueChanged.InvokeAsync("Moat"));
        cut.WaitForAssertion(() => Assert.Single(saves.Inputs));
        await cut.InvokeAsync(() => cut.Find("[data-vr-typing-pause]").Input(" and"));
        Task Change() => cut.InvokeAsync(() => text.Instance.ValueChanged.InvokeAsync("Moat and tooling"));
        Task? second = null;
        if (leaveDuringTheSave)
        {
            // Leaving the box sends its text (its change event) while the first save is still on its way.
            second = Change();
            await cut.InvokeAsync(cut.Instance.Dispose);
        }
        await cut.InvokeAsync(() => saves.Finish(0, version: 1));
        await first;
        if (!leaveDuringTheSave)
        {
            // The text is still in the browser, in its typing pause: the question says so, and saves it when it comes.
            Assert.Equal("pending", cut.Find("[data-save-state]").GetAttribute("data-save-state"));
            Assert.Single(saves.Inputs);
            second = Change();
        }

        cut.WaitForAssertion(() => Assert.Equal(2, saves.Inputs.Count));
        Assert.Equal(("Moat and tooling", 1), (saves.Inputs[1].Value.Text, saves.Inputs[1].ExpectedVersion));
        await cut.InvokeAsync(() => saves.Finish(1, version: 2));
        await second!;
    }

    [Fact]
    public async Task Text_typed_and_deleted_back_to_what_it_was_shows_the_state_from_before_the_typing()
    {
        var saves = new HeldSaves();
        var cut = RenderTextQuestion(saves);
        var wrapper = cut.Find("[data-vr-typing-pause]");

        await cut.InvokeAsync(() => wrapper.Input("x"));
        Assert.Equal("pending", cut.Find("[data-save-state]").GetAttribute("data-save-state"));
        // The browser's change carries the text as it was: the field raises no new value, the wrapper hears the change.
        await cut.InvokeAsync(() => cut.Find("[data-vr-typing-pause]").Change(""));

        Assert.Equal("unchanged", cut.Find("[data-save-state]").GetAttribute("data-save-state"));
        Assert.Empty(saves.Inputs);
    }

    /// <summary>A text question: its saves come from the browser's typing pause (the change event), never from the server.</summary>
    private IRenderedComponent<QuestionEditor> RenderTextQuestion(HeldSaves saves)
    {
        RenderProviders();
        return Render<QuestionEditor>(p => p
            .Add(q => q.Question, Set.FindQuestion("differentiation-narrative")!)
            .Add(q => q.Number, 8)
            .Add(q => q.Save, saves.Save));
    }
}
