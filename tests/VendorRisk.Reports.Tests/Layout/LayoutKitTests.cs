using SkiaSharp;
using UglyToad.PdfPig;
using VendorRisk.Reports.Layout;

namespace VendorRisk.Reports.Tests.Layout;

public sealed class LayoutKitTests
{
    private static readonly TextStyle Body = new(10);
    private static readonly PageSettings Page = PageSettings.A4;

    private static ReportDocument Bare() => new(Page) { Header = null, Footer = null };

    [Fact]
    public void Wrapped_text_never_exceeds_the_column_width()
    {
        var words = string.Join(' ', Enumerable.Range(0, 400).Select(i => new string((char)('a' + i % 26), 1 + i * 7 % 13)));
        var longWord = new string('W', 600);
        const float column = 150;
        var table = new Table(TableColumn.Fixed(column), TableColumn.Relative(1)) { Style = new TableStyle { CellPadding = Thickness.All(0), ZebraBackground = null } };
        table.AddRow(TableCell.Of(words + " " + longWord + " end"), "");
        var document = Bare().Add(new Paragraph(words + " " + longWord, Body)).Add(table);

        var pdf = document.ToPdf(TestContext.Current.CancellationToken);

        using var read = PdfDocument.Open(pdf);
        var right = Page.Width - Page.Margins.Right;
        foreach (var page in read.GetPages())
        {
            foreach (var letter in page.Letters)
            {
                Assert.True(letter.EndBaseLine.X <= right + 0.5, $"'{letter.Value}' ends at {letter.EndBaseLine.X}, beyond {right}");
            }
        }

        var lastPage = read.GetPage(read.NumberOfPages);
        var endWord = lastPage.GetWords().Last(w => w.Text == "end");
        // The table follows the paragraph: on its last page, every letter from the table's top down
        // to its last word lies inside the 150 pt column.
        var tableLetters = lastPage.Letters.SkipWhile(l => l.Value != "W").SkipWhile(l => l.Value == "W" && l.StartBaseLine.X > Page.Margins.Left + column).ToList();
        Assert.NotEmpty(tableLetters);
        foreach (var letter in lastPage.Letters.Where(l => l.StartBaseLine.Y >= endWord.BoundingBox.Bottom - 1 && l.StartBaseLine.Y <= endWord.BoundingBox.Top + 200))
        {
            Assert.True(letter.EndBaseLine.X <= Page.Margins.Left + column + 0.5, $"'{letter.Value}' at {letter.EndBaseLine.X}");
        }

        Assert.Equal(600 * 2, PdfText.Squeeze(string.Concat(read.GetPages().Select(p => p.Text))).Count(c => c == 'W'));
    }

    [Fact]
    public void A_300_row_table_spans_pages_and_repeats_its_header_on_each()
    {
        var table = new Table(TableColumn.Relative(1), TableColumn.Relative(2)).WithHeader("HeaderKey", "HeaderValue");
        for (var i = 1; i <= 300; i++)
        {
            table.AddRow($"row-{i:000}", $"value {i}");
        }

        var pdf = Bare().Add(new Paragraph("Table test", Body)).Add(table).ToPdf(TestContext.Current.CancellationToken);

        var pages = PdfText.Pages(pdf);
        Assert.InRange(pages.Count, 5, 20);
        Assert.All(pages, p => Assert.Equal(1, CountOf(p, "HeaderKeyHeaderValue")));
        var all = string.Concat(pages);
        var last = -1;
        for (var i = 1; i <= 300; i++)
        {
            var at = all.IndexOf($"row-{i:000}", StringComparison.Ordinal);
            Assert.True(at > last, $"row {i} missing or out of order");
            last = at;
        }

        // On every page the header comes before the first row of that page.
        Assert.All(pages, p => Assert.True(p.IndexOf("HeaderKey", StringComparison.Ordinal) < p.IndexOf("row-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void Wherever_a_table_falls_a_short_one_stays_whole_and_a_long_one_leaves_no_last_row_alone(int rows)
    {
        // Every filler height from an empty first page to a full one, so that each row in turn meets the page's end.
        for (var filler = 0; filler < 62; filler++)
        {
            var document = Bare();
            for (var i = 0; i < filler; i++)
                document.Add(new Paragraph($"filler {i}", Body) { SpaceAfter = 0 });
            var table = new Table(TableColumn.Relative(1), TableColumn.Relative(2)).WithHeader("HeaderKey", "HeaderValue");
            for (var i = 1; i <= rows; i++)
                table.AddRow($"row-{i:00}", $"value {i}");
            var pages = PdfText.Pages(document.Add(table).ToPdf(TestContext.Current.CancellationToken));

            int PageOf(int row) => pages.FindIndex(p => p.Contains($"row-{row:00}", StringComparison.Ordinal));
            if (rows == 5) // a twentieth of a page: a short table
                Assert.All(Enumerable.Range(1, rows), r => Assert.Equal(PageOf(1), PageOf(r)));
            else
                Assert.Equal(PageOf(rows - 1), PageOf(rows));
        }
    }

    [Fact]
    public void Page_x_of_y_is_right_on_every_page()
    {
        var document = new ReportDocument(Page) { Footer = new PageDecoration { Right = "Page {page} of {pages}" } };
        for (var i = 0; i < 5; i++)
        {
            document.Add(new Paragraph($"Chapter {i}", Body)).Add(new PageBreak());
        }

        var pdf = document.ToPdf(TestContext.Current.CancellationToken);

        using var read = PdfDocument.Open(pdf);
        Assert.Equal(5, read.NumberOfPages);
        foreach (var page in read.GetPages())
        {
            var expected = $"Page {page.Number} of 5";
            Assert.Contains(expected, page.Text.Replace("Pag", " Pag", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
            var five = page.Letters.Last(l => l.Value == "5");
            // Right-aligned to the right margin.
            Assert.InRange(five.EndBaseLine.X, Page.Width - Page.Margins.Right - 1.5, Page.Width - Page.Margins.Right + 0.5);
        }
    }

    [Fact]
    public void Keep_together_moves_a_block_whole_to_the_next_page()
    {
        var document = Bare();
        var filler = 0;
        // Fill most of page 1.
        for (; filler < 52; filler++)
        {
            document.Add(new Paragraph($"filler {filler}", Body) { SpaceAfter = 0 });
        }

        document.Add(new KeepTogether(Enumerable.Range(1, 10).Select(i => new Paragraph($"kept-{i}", Body) { SpaceAfter = 0 })));
        var pdf = document.ToPdf(TestContext.Current.CancellationToken);

        var pages = PdfText.Pages(pdf);
        Assert.Equal(2, pages.Count);
        Assert.Contains("filler 51", pages[0].Replace("filler", " filler", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("kept-", pages[0], StringComparison.Ordinal);
        Assert.All(Enumerable.Range(1, 10), i => Assert.Contains($"kept-{i}", pages[1], StringComparison.Ordinal));
    }

    [Fact]
    public void Without_keep_together_the_same_lines_would_split()
    {
        var document = Bare();
        for (var filler = 0; filler < 52; filler++)
        {
            document.Add(new Paragraph($"filler {filler}", Body) { SpaceAfter = 0 });
        }

        foreach (var i in Enumerable.Range(1, 10))
        {
            document.Add(new Paragraph($"loose-{i}", Body) { SpaceAfter = 0 });
        }

        var pages = PdfText.Pages(document.ToPdf(TestContext.Current.CancellationToken));
        Assert.Contains("loose-1", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_glyphs_fall_back_per_character_and_stay_extractable()
    {
        var text = "Vendor 北京智能 ok שלום \u0007 end";
        var pdf = Bare().Add(new Paragraph(text, Body)).ToPdf(TestContext.Current.CancellationToken);

        var page = PdfText.Pages(pdf)[0];
        Assert.Contains("北京智能", page, StringComparison.Ordinal);
        Assert.Contains("שלום", page, StringComparison.Ordinal);
        Assert.Contains("\uFFFD", page, StringComparison.Ordinal);
        Assert.Contains("end", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_render_as_vectors_with_their_labels_as_text()
    {
        var pdf = Bare()
            .Add(new BarChart([new BarItem("Security", 72.25), new BarItem("Privacy", null)]))
            .Add(new RadarChart(["A", "B", "C", "D"], Enumerable.Range(0, 12).Select(i => new RadarSeries($"S{i}", [i * 8.0, 50, null, 100]))))
            .Add(new RatingGauge { Score = 64, ScoreText = "64.0", RatingLabel = "Moderate", RatingColor = SKColors.Orange, Bands = [new GaugeBand("Low", 80, SKColors.Green), new GaugeBand("Moderate", 60, SKColors.Orange)] })
            .ToPdf(TestContext.Current.CancellationToken);

        var text = PdfText.Pages(pdf)[0];
        Assert.Contains("Security", text, StringComparison.Ordinal);
        Assert.Contains("72.3", text, StringComparison.Ordinal);
        Assert.Contains("S9", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S10", text, StringComparison.Ordinal);
        Assert.Contains("Moderate", text, StringComparison.Ordinal);
    }

    [Fact]
    public void One_megabyte_of_text_lays_out_without_failing()
    {
        var sentence = "The layout kit must take a megabyte of plain text without failing or stalling. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 1_048_576 / sentence.Length + 1));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var pdf = new ReportDocument(Page).Add(new Paragraph(text, new TextStyle(9))).ToPdf(cts.Token);

        watch.Stop();
        using var read = PdfDocument.Open(pdf);
        Assert.InRange(read.NumberOfPages, 100, 400);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
