using Bunit;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>The autosave state beside each answer: one caption per state, and Retry only after a failed save.</summary>
public sealed class SaveStatusTests : BunitTestBase
{
    [Theory]
    [InlineData(SaveState.Pending, false, "Unsaved changes…")]
    [InlineData(SaveState.Pending, true, "Not saved — add a justification")]
    [InlineData(SaveState.Saving, false, "Saving…")]
    [InlineData(SaveState.Saved, false, "Saved")]
    [InlineData(SaveState.Invalid, false, "Not saved — fix the answer")]
    [InlineData(SaveState.Conflict, false, "Changed by someone else — choose")]
    public void Each_state_has_its_caption_and_no_retry(SaveState state, bool needsJustification, string caption)
    {
        var cut = Render<SaveStatus>(p => p.Add(x => x.State, state).Add(x => x.NeedsJustification, needsJustification));

        Assert.Equal(caption, cut.Find(".mud-typography-caption").TextContent.Trim());
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void An_unchanged_answer_shows_nothing()
    {
        var cut = Render<SaveStatus>(p => p.Add(x => x.State, SaveState.Unchanged));

        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public async Task A_failed_save_says_why_and_retries_on_click()
    {
        var retries = 0;
        var cut = Render<SaveStatus>(p => p
            .Add(x => x.State, SaveState.Failed)
            .Add(x => x.Failure, "the server did not answer")
            .Add(x => x.OnRetry, () => retries++));

        Assert.Equal("Not saved — the server did not answer", cut.Find(".mud-typography-caption").TextContent.Trim());
        await cut.InvokeAsync(() => cut.Find("button").Click());

        Assert.Equal(1, retries);
    }
}
