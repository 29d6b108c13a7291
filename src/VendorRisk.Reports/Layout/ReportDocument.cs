namespace VendorRisk.Reports.Layout;

/// <summary>
/// A running header or footer: three slots (left, centre, right) of text in which
/// <c>{page}</c> and <c>{pages}</c> are replaced by the page number and the page count.
/// </summary>
public sealed record PageDecoration
{
    /// <summary>Left-aligned text.</summary>
    public string? Left { get; init; }

    /// <summary>Centred text.</summary>
    public string? Center { get; init; }

    /// <summary>Right-aligned text; the default footer puts "Page {page} of {pages}" here.</summary>
    public string? Right { get; init; }

    /// <summary>Text style.</summary>
    public TextStyle Style { get; init; } = new(7.5f, false, new SKColor(0x64, 0x74, 0x8B));

    /// <summary>Colour of a hairline separating the band from the body; null for none.</summary>
    public SKColor? RuleColor { get; init; } = new SKColor(0xD5, 0xDA, 0xE1);

    /// <summary>Whether the first page (usually a cover) shows this decoration.</summary>
    public bool OnFirstPage { get; init; } = true;

    internal static string Expand(string? template, int page, int pages) =>
        (template ?? string.Empty)
            .Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pages}", pages.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

/// <summary>Document metadata written to the PDF information dictionary.</summary>
public sealed record DocumentInfo
{
    /// <summary>Title.</summary>
    public string? Title { get; init; }

    /// <summary>Author.</summary>
    public string? Author { get; init; }

    /// <summary>Subject.</summary>
    public string? Subject { get; init; }

    /// <summary>Creation date; fixed here so the same input renders the same bytes.</summary>
    public DateTimeOffset Created { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// A flow document: elements are laid out top to bottom on pages of <see cref="PageSettings"/>,
/// breaking pages where needed, with a header and footer on every page. Layout runs fully before
/// drawing, so the footer can say "Page X of Y".
/// </summary>
/// <param name="page">Page size and margins.</param>
/// <param name="fonts">Fonts; defaults to <see cref="FontLibrary.Shared"/>.</param>
public sealed class ReportDocument(PageSettings page, FontLibrary? fonts = null)
{
    private readonly List<Element> _elements = [];
    private readonly FontLibrary _fonts = fonts ?? FontLibrary.Shared;

    /// <summary>Page size and margins.</summary>
    public PageSettings Page { get; } = page;

    /// <summary>Header drawn in the band above the body; null for none.</summary>
    public PageDecoration? Header { get; set; }

    /// <summary>Footer drawn in the band below the body; by default "Page {page} of {pages}" at the right.</summary>
    public PageDecoration? Footer { get; set; } = new() { Right = "Page {page} of {pages}" };

    /// <summary>PDF metadata.</summary>
    public DocumentInfo Info { get; set; } = new();

    /// <summary>The document's natural language (BCP 47), written to the catalog as <c>/Lang</c> for screen readers.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Appends an element to the flow.</summary>
    public ReportDocument Add(Element element)
    {
        _elements.Add(element);
        return this;
    }

    /// <summary>Appends several elements.</summary>
    public ReportDocument AddRange(IEnumerable<Element> elements)
    {
        _elements.AddRange(elements);
        return this;
    }

    /// <summary>Lays out and renders the document as PDF bytes.</summary>
    /// <param name="cancellationToken">Checked between elements and pages.</param>
    public byte[] ToPdf(CancellationToken cancellationToken = default)
    {
        var pages = Paginate(cancellationToken);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = Info.Title ?? string.Empty,
            Author = Info.Author ?? string.Empty,
            Subject = Info.Subject ?? string.Empty,
            Creator = "VendorRisk",
            Producer = "VendorRisk.Reports (SkiaSharp)",
            Creation = Info.Created.UtcDateTime,
            Modified = Info.Created.UtcDateTime,
            RasterDpi = 150,
        };
        // Pass one draws nowhere and notes the glyphs used, so pass two can embed font subsets only.
        using var collected = new DrawContext(_fonts) { CollectGlyphs = true, PageCount = pages.Count };
        using (var nowhere = new SKNoDrawCanvas((int)Math.Ceiling(Page.Width), (int)Math.Ceiling(Page.Height)))
        {
            collected.Canvas = nowhere;
            DrawPages(collected, pages, cancellationToken);
        }

        using (var document = SKDocument.CreatePdf(stream, metadata))
        using (var context = new DrawContext(_fonts) { PageCount = pages.Count })
        {
            context.UseSubsets(collected);
            DrawPages(context, pages, cancellationToken, () => context.Canvas = document.BeginPage(Page.Width, Page.Height), document.EndPage);
            document.Close();
        }

        // Viewers show the title rather than the file name; screen readers pick their voice from /Lang.
        return PdfCatalog.AddEntries(stream.ToArray(), $"/Lang {PdfCatalog.TextString(Language)}\n/ViewerPreferences <</DisplayDocTitle true>>");
    }

    private void DrawPages(DrawContext context, List<List<(Fragment Fragment, float Y)>> pages,
        CancellationToken cancellationToken, Action? beginPage = null, Action? endPage = null)
    {
        for (var p = 0; p < pages.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            beginPage?.Invoke();
            context.PageNumber = p + 1;
            DrawDecorations(context);
            foreach (var (fragment, y) in pages[p])
            {
                fragment.Draw(context, Page.Margins.Left, Page.BodyTop + y);
            }

            endPage?.Invoke();
        }
    }

    private void DrawDecorations(DrawContext context)
    {
        var width = Page.BodyWidth;
        var x = Page.Margins.Left;
        if (Header is { } header && (header.OnFirstPage || context.PageNumber > 1))
        {
            DrawBand(context, header, x, Page.Margins.Top, width, Page.HeaderHeight, ruleAtBottom: true);
        }

        if (Footer is { } footer && (footer.OnFirstPage || context.PageNumber > 1))
        {
            DrawBand(context, footer, x, Page.Height - Page.Margins.Bottom - Page.FooterHeight, width, Page.FooterHeight, ruleAtBottom: false);
        }
    }

    private static void DrawBand(DrawContext context, PageDecoration decoration, float x, float top, float width, float height, bool ruleAtBottom)
    {
        var lineHeight = decoration.Style.Size * decoration.Style.LineSpacing;
        var textTop = ruleAtBottom ? top + height - lineHeight - 8 : top + 8;
        var third = width / 3;
        // The side slots may use two thirds each when the centre is empty.
        var sideWidth = string.IsNullOrEmpty(decoration.Center) ? width * 0.62f : third;
        var page = context.PageNumber;
        var pages = context.PageCount;
        context.DrawOneLine(FirstLine(PageDecoration.Expand(decoration.Left, page, pages)), decoration.Style, x, textTop, sideWidth);
        context.DrawOneLine(FirstLine(PageDecoration.Expand(decoration.Center, page, pages)), decoration.Style, x + third, textTop, third, TextAlign.Center);
        var rightWidth = string.IsNullOrEmpty(decoration.Center) ? width * 0.36f : third;
        context.DrawOneLine(FirstLine(PageDecoration.Expand(decoration.Right, page, pages)), decoration.Style, x + width - rightWidth, textTop, rightWidth, TextAlign.Right);
        if (decoration.RuleColor is { } rule)
        {
            var ry = ruleAtBottom ? top + height - 4 : top + 2;
            context.Canvas.DrawLine(x, ry, x + width, ry, context.Stroke(rule, 0.5f));
        }
    }

    // A running header must stay one line high: long texts are cut at the first line break (and where they would wrap).
    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(['\r', '\n']);
        var line = newline < 0 ? text : text[..newline];
        // Far past one line: the rest could only be cut again (between whole characters, and said so).
        return line.Length > 400 ? VendorRisk.Domain.Common.TextRules.Truncate(line, 399) + "…" : line;
    }

    /// <summary>Lays the flow out into pages of (fragment, y from the body top).</summary>
    internal List<List<(Fragment Fragment, float Y)>> Paginate(CancellationToken cancellationToken = default)
    {
        var bodyHeight = Page.BodyHeight;
        var context = new LayoutContext(_fonts, bodyHeight);
        var queue = new List<Fragment>();
        foreach (var element in _elements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            element.Compose(context, Page.BodyWidth, queue);
        }

        var pages = new List<List<(Fragment, float)>> { new() };
        var y = 0f;
        var contentOnPage = false;

        void NewPage(Fragment? next)
        {
            pages.Add([]);
            y = 0;
            contentOnPage = false;
            if (next?.RepeatHeader is { } header)
            {
                pages[^1].Add((header, 0));
                y = header.Height;
            }
        }

        for (var i = 0; i < queue.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var fragment = queue[i];
            if (fragment is PageBreakFragment pageBreak)
            {
                if (contentOnPage && (pageBreak.OnlyOnPage is null || pageBreak.OnlyOnPage == pages.Count))
                {
                    NewPage(null);
                }

                continue;
            }

            if (!contentOnPage && fragment.IsSpacing)
            {
                continue;
            }

            var needed = fragment.Height + KeepWithNextHeight(queue, i, bodyHeight);
            if (y + needed <= bodyHeight + 0.01f || (!contentOnPage && fragment.Height <= bodyHeight - y + 0.01f))
            {
                pages[^1].Add((fragment, y));
                y += fragment.Height;
                contentOnPage = true;
                continue;
            }

            if (fragment.IsSpacing)
            {
                NewPage(null);
                continue;
            }

            var fresh = bodyHeight - (fragment.RepeatHeader?.Height ?? 0);
            var remaining = bodyHeight - y;
            // Too tall for any page: split here (or on a fresh page when little room is left).
            if (fragment.Height > fresh)
            {
                if (remaining < 40 && contentOnPage)
                {
                    NewPage(fragment);
                    remaining = bodyHeight - y;
                }

                if (fragment.Split(remaining) is { } parts)
                {
                    pages[^1].Add((parts.Head, y));
                    y += parts.Head.Height;
                    contentOnPage = true;
                    queue[i] = parts.Tail;
                    NewPage(parts.Tail);
                    i--;
                    continue;
                }

                if (contentOnPage)
                {
                    NewPage(fragment);
                    i--;
                    continue;
                }

                // Cannot split (e.g. a giant chart): place it anyway, clipped by the page edge.
                pages[^1].Add((fragment, y));
                y += fragment.Height;
                contentOnPage = true;
                continue;
            }

            NewPage(fragment);
            i--;
        }

        if (pages.Count > 1 && pages[^1].Count == 0)
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return pages;
    }

    private static float KeepWithNextHeight(List<Fragment> queue, int index, float bodyHeight)
    {
        var extra = 0f;
        for (var k = index; k < queue.Count - 1 && queue[k].KeepWithNext && extra < bodyHeight / 3; k++)
        {
            var next = queue[k + 1];
            if (next is PageBreakFragment)
            {
                break;
            }

            // Only the first line of a splittable follower has to fit.
            // Rows and blocks move whole unless taller than a page, so all of the follower must fit.
            extra += next is LineFragment || next.IsSpacing || next is RowFragment ? next.Height : Math.Min(next.Height, 30);
        }

        return Math.Min(extra, bodyHeight / 3);
    }
}
