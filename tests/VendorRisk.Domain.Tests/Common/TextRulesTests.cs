using VendorRisk.Domain.Common;

namespace VendorRisk.Domain.Tests.Common;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("bell\u0007")]
    [InlineData("escape\u001b[31m")]
    [InlineData("delete\u007f")]
    public void A_text_holding_a_control_character_other_than_tab_or_a_line_break_is_refused(string text)
    {
        Assert.True(TextRules.HasControlCharacters(text));
    }

    [Theory]
    [InlineData("two\r\nlines\tand a tab")]
    [InlineData("zero\u200bwidth and 😀")]
    [InlineData("")]
    public void Tabs_line_breaks_and_printable_text_are_kept(string text)
    {
        Assert.False(TextRules.HasControlCharacters(text));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(" \t\r\n", false)]
    [InlineData("\u200b\u200b", false)]
    [InlineData("\u200b\u0000", false)]
    [InlineData("\u202e\u2003", false)]
    [InlineData("\u200bok", true)]
    public void Visible_text_is_text_a_reader_sees(string? text, bool visible)
    {
        Assert.Equal(visible, TextRules.HasVisibleText(text));
    }

    [Fact]
    public void Truncating_never_splits_a_surrogate_pair_or_a_grapheme()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 150));
        var flags = "ab" + string.Concat(Enumerable.Repeat("🇫🇷", 10));

        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 99)), TextRules.Truncate(emoji, 199));
        Assert.Equal("ab🇫🇷", TextRules.Truncate(flags, 7));
        Assert.Equal("short", TextRules.Truncate("short", 200));
    }

    [Theory]
    [InlineData("Annual review", "Annual review")]
    [InlineData("\u200B", TextRules.Untitled)]
    [InlineData(" \u200B\u2060 ", TextRules.Untitled)]
    [InlineData("", TextRules.Untitled)]
    [InlineData(null, TextRules.Untitled)]
    public void A_title_nobody_would_see_is_shown_as_untitled(string? stored, string shown) =>
        Assert.Equal(shown, TextRules.Shown(stored));
}
