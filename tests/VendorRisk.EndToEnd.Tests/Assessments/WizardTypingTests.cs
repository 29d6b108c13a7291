using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VendorRisk.Domain.Assessments;
using VendorRisk.EndToEnd.Tests.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.EndToEnd.Tests.Assessments;

/// <summary>
/// Typing in a wizard question's text or number box stays in the browser until a quiet second (ADR 0059): the server
/// hears the first key press of a burst ("Unsaved changes…") and then the text, once; leaving the box sends it at once.
/// </summary>
public sealed class WizardTypingTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Text = "Frontier reasoning, agent tooling and a private deployment";

    [Fact]
    public async Task Typing_a_text_answer_sends_a_handful_of_messages_not_one_per_key_and_saves_the_text_after_a_quiet_second()
    {
        var id = await TestData.CreateDraftAsync(app);
        var page = await app.SignedInPageAsync(Roles.Assessor);
        var frames = new SentFrames(page);
        await OpenContinuitySectionAsync(page, id);
        var answer = page.Locator("#q-differentiation-narrative textarea").First;
        await answer.FocusAsync();

        frames.Start();
        await page.Keyboard.TypeAsync(Text, new() { Delay = 25 });
        var whileTyping = frames.Count;

        // One message per key press was at least 58 here; the first key press (with its render's acknowledgement) and
        // perhaps a save in a pause a loaded machine made remain.
        Assert.True(whileTyping <= 8, $"Typing {Text.Length} characters sent {whileTyping} WebSocket messages.");
        await Assertions.Expect(page.Locator("#q-differentiation-narrative [data-save-state]")).ToContainTextAsync("Saved");
        Assert.Equal(Text, await StoredAsync(id, "differentiation-narrative", a => a.Text, Text));
    }

    [Fact]
    public async Task Typing_a_number_sends_a_handful_of_messages_and_saves_it_once()
    {
        var id = await TestData.CreateDraftAsync(app);
        var page = await app.SignedInPageAsync(Roles.Assessor);
        var frames = new SentFrames(page);
        await page.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("#section-usage-and-cost").ClickAsync();
        var number = page.Locator("#q-price-input-number");
        await number.FocusAsync();

        frames.Start();
        await page.Keyboard.TypeAsync("12500.75", new() { Delay = 25 });
        var whileTyping = frames.Count;

        // Each key press was an event, a render and its acknowledgement, and each pause a save of the number so far.
        Assert.True(whileTyping <= 6, $"Typing 8 characters of a number sent {whileTyping} WebSocket messages.");
        await Assertions.Expect(page.Locator("#q-price-input [data-save-state]")).ToContainTextAsync("Saved");
        Assert.Equal(12500.75, await StoredAsync(id, "price-input", a => a.Number, 12500.75));
        Assert.Equal(1, await VersionAsync(id, "price-input"));
    }

    [Fact]
    public async Task Typing_on_right_after_a_pause_keeps_every_character()
    {
        var id = await TestData.CreateDraftAsync(app);
        var page = await app.SignedInPageAsync(Roles.Assessor);
        await OpenContinuitySectionAsync(page, id);
        var answer = page.Locator("#q-differentiation-narrative textarea").First;
        await answer.FocusAsync();

        // The pause sends the text after a second; the next key press comes just before, as or just after the server answers.
        var words = new[] { 990, 1000, 1010, 1020, 1040, 1080, 1160 }.Select(wait => (Word: $"w{wait}", Wait: wait)).ToList();
        foreach (var (word, wait) in words)
        {
            await page.Keyboard.TypeAsync(word == words[0].Word ? word : " " + word);
            await Task.Delay(wait, TestContext.Current.CancellationToken);
        }

        var expected = string.Join(' ', words.Select(w => w.Word));
        await Assertions.Expect(answer).ToHaveValueAsync(expected);
        Assert.Equal(expected, await StoredAsync(id, "differentiation-narrative", a => a.Text, expected));
        await Assertions.Expect(page.Locator("#q-differentiation-narrative [data-save-state]")).ToContainTextAsync("Saved");
    }

    [Fact]
    public async Task A_note_typed_and_left_at_once_for_the_next_section_is_saved()
    {
        var id = await TestData.CreateDraftAsync(app);
        var page = await app.SignedInPageAsync(Roles.Assessor);
        await OpenContinuitySectionAsync(page, id);
        await page.Locator("#q-exit-plan-details-toggle").ClickAsync();
        var note = page.Locator("#q-exit-plan-details input").First;
        await note.FocusAsync();

        await page.Keyboard.TypeAsync("Exit plan agreed");
        await page.Locator("#next-section").ClickAsync();

        await Assertions.Expect(page.Locator("#section-title")).Not.ToHaveTextAsync("Continuity, contract and exit");
        Assert.Equal("Exit plan agreed", await StoredAsync(id, "exit-plan", a => a.Note, "Exit plan agreed"));
    }

    [Fact]
    public async Task Arrow_keys_through_a_radio_group_save_the_option_they_stop_on_once()
    {
        var (id, page) = await ExitPlanAnsweredNoneAsync();

        // Each arrow key checks the next option in the browser; before, each was a save, a version and an audit entry.
        foreach (var _ in Enumerable.Range(0, 3))
            await page.Keyboard.PressAsync("ArrowDown", new() { Delay = 30 });
        await Assertions.Expect(page.Locator("#q-exit-plan-choice input[value=documented-exit]")).ToBeCheckedAsync();

        Assert.Equal("documented-exit", await StoredAsync(id, "exit-plan", a => a.Choice, "documented-exit"));
        await Assertions.Expect(page.Locator("#q-exit-plan [data-save-state]")).ToContainTextAsync("Saved");
        Assert.Equal(2, await VersionAsync(id, "exit-plan"));
    }

    [Fact]
    public async Task A_held_arrow_key_choice_is_sent_even_when_a_redraw_checked_the_previous_option_meanwhile()
    {
        var (id, page) = await ExitPlanAnsweredNoneAsync();

        // A save's redraw that lands while the arrow key's choice is held checks the saved option again, as this does.
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator("#q-exit-plan-choice input[value=none]").EvaluateAsync("radio => radio.checked = true");

        Assert.Equal("declined", await StoredAsync(id, "exit-plan", a => a.Choice, "declined"));
        await Assertions.Expect(page.Locator("#q-exit-plan-choice input[value=declined]")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task A_choice_made_with_the_arrow_keys_is_saved_at_once_when_the_focus_leaves_the_question()
    {
        var (id, page) = await ExitPlanAnsweredNoneAsync();

        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator("#next-section").ClickAsync();

        await Assertions.Expect(page.Locator("#section-title")).Not.ToHaveTextAsync("Continuity, contract and exit");
        Assert.Equal("declined", await StoredAsync(id, "exit-plan", a => a.Choice, "declined"));
    }

    private async Task<int> VersionAsync(int id, string key)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Answers.Where(a => a.AssessmentId == id && a.QuestionKey == key).Select(a => a.Version)
            .SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The WebSocket frames the page sends once <see cref="Start"/> is called.</summary>
    private sealed class SentFrames
    {
        private int _count;
        private int _counting;

        public SentFrames(IPage page) => page.WebSocket += (_, socket) => socket.FrameSent += (_, _) =>
        {
            if (Volatile.Read(ref _counting) == 1)
                Interlocked.Increment(ref _count);
        };

        public int Count => Volatile.Read(ref _count);

        public void Start() => Volatile.Write(ref _counting, 1);
    }

    /// <summary>A draft whose exit-plan question is answered "none" with a click, its radio focused for the arrow keys.</summary>
    private async Task<(int Id, IPage Page)> ExitPlanAnsweredNoneAsync()
    {
        var id = await TestData.CreateDraftAsync(app);
        var page = await app.SignedInPageAsync(Roles.Assessor);
        await OpenContinuitySectionAsync(page, id);
        await page.Locator("#q-exit-plan-choice input[value=none]").ClickAsync();
        Assert.Equal("none", await StoredAsync(id, "exit-plan", a => a.Choice, "none"));
        return (id, page);
    }

    private static async Task OpenContinuitySectionAsync(IPage page, int id)
    {
        await page.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("#section-continuity-and-exit").ClickAsync();
        await Assertions.Expect(page.Locator("#section-title")).ToHaveTextAsync("Continuity, contract and exit");
    }

    /// <summary>
    /// The stored answer's field once it is <paramref name="expected"/>, or what it is after 30 s: the save lands after the
    /// page has moved on (the section is left) or after an earlier save of part of the text.
    /// </summary>
    private async Task<T?> StoredAsync<T>(int id, string key, Func<Data.Entities.Answer, T?> field, T expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await app.CreateDbContextAsync();
            var answer = await db.Answers.AsNoTracking().SingleOrDefaultAsync(a => a.AssessmentId == id && a.QuestionKey == key, TestContext.Current.CancellationToken);
            var value = answer is null ? default : field(answer);
            if (EqualityComparer<T?>.Default.Equals(value, expected) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
