namespace VendorRisk.Reports.Layout;

/// <summary>A table column: a relative share of the free width, or a fixed width in points.</summary>
/// <param name="Width">Share (relative) or points (fixed).</param>
/// <param name="IsFixed">Whether <paramref name="Width"/> is in points.</param>
/// <param name="Align">Default alignment of the column's text cells.</param>
public sealed record TableColumn(float Width, bool IsFixed = false, TextAlign Align = TextAlign.Left)
{
    /// <summary>A column taking <paramref name="share"/> of the width left after fixed columns.</summary>
    public static TableColumn Relative(float share, TextAlign align = TextAlign.Left) => new(share, false, align);

    /// <summary>A column exactly <paramref name="points"/> wide.</summary>
    public static TableColumn Fixed(float points, TextAlign align = TextAlign.Left) => new(points, true, align);
}

/// <summary>Borders, padding, colours and text styles of a <see cref="Table"/>.</summary>
public sealed record TableStyle
{
    /// <summary>Padding inside every cell.</summary>
    public Thickness CellPadding { get; init; } = Thickness.Symmetric(5, 3.5f);

    /// <summary>Colour of the horizontal rules (and vertical ones if enabled); null for none.</summary>
    public SKColor? BorderColor { get; init; } = new SKColor(0xD5, 0xDA, 0xE1);

    /// <summary>Rule width in points.</summary>
    public float BorderWidth { get; init; } = 0.5f;

    /// <summary>Draw a frame around the table.</summary>
    public bool OuterBorder { get; init; }

    /// <summary>Draw lines between columns.</summary>
    public bool VerticalLines { get; init; }

    /// <summary>Background of the header row.</summary>
    public SKColor? HeaderBackground { get; init; } = new SKColor(0xEE, 0xF1, 0xF5);

    /// <summary>Background of every second body row; null for none.</summary>
    public SKColor? ZebraBackground { get; init; } = new SKColor(0xF8, 0xF9, 0xFB);

    /// <summary>Text style of header cells given as plain text.</summary>
    public TextStyle HeaderText { get; init; } = new(8.5f, true, new SKColor(0x33, 0x41, 0x55));

    /// <summary>Text style of body cells given as plain text.</summary>
    public TextStyle BodyText { get; init; } = new(9f);

    /// <summary>Space below the table.</summary>
    public float SpaceAfter { get; init; } = 10;
}

/// <summary>One cell: plain text, styled runs, or any elements.</summary>
public sealed record TableCell
{
    private TableCell(IReadOnlyList<TextRun>? runs, string? text, IReadOnlyList<Element>? elements)
    {
        Runs = runs;
        Text = text;
        Elements = elements;
    }

    /// <summary>Plain text drawn in the table's text style (null shows nothing).</summary>
    public string? Text { get; }

    /// <summary>Styled runs, if given.</summary>
    public IReadOnlyList<TextRun>? Runs { get; }

    /// <summary>Arbitrary content, if given.</summary>
    public IReadOnlyList<Element>? Elements { get; }

    /// <summary>Cell background, overriding zebra and row colours.</summary>
    public SKColor? Background { get; init; }

    /// <summary>Alignment overriding the column's.</summary>
    public TextAlign? Align { get; init; }

    /// <summary>Text style overriding the table's.</summary>
    public TextStyle? Style { get; init; }

    /// <summary>A text cell.</summary>
    public static TableCell Of(string? text) => new(null, text, null);

    /// <summary>A cell of styled runs.</summary>
    public static TableCell Of(params IEnumerable<TextRun> runs) => new(runs.ToList(), null, null);

    /// <summary>A cell holding elements (paragraphs, charts, nested tables).</summary>
    public static TableCell Of(params IEnumerable<Element> elements) => new(null, null, elements.ToList());

    /// <summary>Text cells convert implicitly from strings.</summary>
    public static implicit operator TableCell(string? text) => Of(text);
}

/// <summary>A row of cells.</summary>
/// <param name="cells">One cell per column; missing cells are left blank.</param>
public sealed class TableRow(params IEnumerable<TableCell> cells)
{
    /// <summary>The cells.</summary>
    public IReadOnlyList<TableCell> Cells { get; } = cells.ToList();

    /// <summary>Row background, overriding the zebra colour.</summary>
    public SKColor? Background { get; init; }
}

/// <summary>
/// A table with column widths, cell padding, rules, zebra rows and a header row repeated on every page.
/// A row that does not fit moves to the next page; a row taller than a page is split between lines.
/// </summary>
/// <param name="columns">The columns.</param>
public sealed class Table(params IEnumerable<TableColumn> columns) : Element
{
    /// <summary>The columns.</summary>
    public IReadOnlyList<TableColumn> Columns { get; } = columns.ToList();

    /// <summary>The header row, repeated at the top of each page the table spans; null for none.</summary>
    public TableRow? Header { get; set; }

    /// <summary>The body rows.</summary>
    public List<TableRow> Rows { get; } = [];

    /// <summary>Looks of the table.</summary>
    public TableStyle Style { get; init; } = new();

    /// <summary>Tables no taller than this share of a page are not split across pages.</summary>
    public const float KeptWholeUpToPage = 0.25f;

    /// <summary>Sets the header row from texts.</summary>
    public Table WithHeader(params string[] texts)
    {
        Header = new TableRow(texts.Select(TableCell.Of));
        return this;
    }

    /// <summary>Appends a body row.</summary>
    public Table AddRow(params TableCell[] cells)
    {
        Rows.Add(new TableRow(cells));
        return this;
    }

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        var widths = ColumnWidths(width);
        RowFragment? header = null;
        if (Header is not null)
        {
            header = ComposeRow(context, Header, widths, Style.HeaderBackground, Style.HeaderText, true);
            // A header never ends a page on its own.
            header.KeepWithNext = true;
            output.Add(header);
        }

        var rows = new List<RowFragment>(Rows.Count);
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var background = row.Background ?? (i % 2 == 1 ? Style.ZebraBackground : null);
            var fragment = ComposeRow(context, row, widths, background, Style.BodyText, false);
            fragment.RepeatHeader = header;
            rows.Add(fragment);
        }

        // A short table moves whole rather than leave a row or two behind, and no table ends a page before its last row
        // alone: both read as a table that is finished (the twelfth month of a cost table alone on a page of its own).
        var keptWhole = (header?.Height ?? 0) + rows.Sum(r => r.Height) <= context.PageBodyHeight * KeptWholeUpToPage;
        for (var i = 0; i < rows.Count - 1; i++)
            rows[i].KeepWithNext = keptWhole || i == rows.Count - 2;
        output.AddRange(rows);

        if (Style.SpaceAfter > 0)
        {
            output.Add(new SpaceFragment(Style.SpaceAfter));
        }
    }

    private float[] ColumnWidths(float width)
    {
        var fixedTotal = Columns.Where(c => c.IsFixed).Sum(c => c.Width);
        var shares = Columns.Where(c => !c.IsFixed).Sum(c => c.Width);
        var free = Math.Max(0, width - fixedTotal);
        return Columns.Select(c => c.IsFixed ? c.Width : shares > 0 ? free * c.Width / shares : 0).ToArray();
    }

    private RowFragment ComposeRow(LayoutContext context, TableRow row, float[] widths, SKColor? background, TextStyle textStyle, bool isHeader)
    {
        var cells = new List<BlockFragment>(widths.Length);
        var padding = Style.CellPadding;
        for (var c = 0; c < widths.Length; c++)
        {
            var cell = c < row.Cells.Count ? row.Cells[c] : TableCell.Of((string?)null);
            var inner = Math.Max(1, widths[c] - padding.Left - padding.Right);
            var align = cell.Align ?? Columns[c].Align;
            List<Fragment> content;
            if (cell.Elements is not null)
            {
                content = context.ComposeAll(cell.Elements, inner);
                while (content.Count > 0 && content[^1].IsSpacing)
                {
                    content.RemoveAt(content.Count - 1);
                }
            }
            else
            {
                var style = cell.Style ?? textStyle;
                if (isHeader && cell.Runs is null)
                {
                    style = ShrinkToFitWords(context.Fonts, cell.Text, style, inner);
                }

                var runs = cell.Runs ?? [new TextRun(cell.Text, style)];
                content = TextLayouter.Layout(context.Fonts, runs, inner)
                    .Select(l => (Fragment)new LineFragment(l, inner, align))
                    .ToList();
            }

            cells.Add(new BlockFragment(content, widths[c], padding) { Background = cell.Background });
        }

        return new RowFragment(cells, widths, background, Style, isHeader);
    }

    // A header word broken mid-word ("Brackenridg/e") reads as a typo: shrink the header face until every word fits its column.
    private static TextStyle ShrinkToFitWords(FontLibrary fonts, string? text, TextStyle style, float width)
    {
        const float smallest = 5.5f;
        if (string.IsNullOrWhiteSpace(text))
        {
            return style;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        while (style.Size > smallest && words.Any(w => TextLayouter.Layout(fonts, [new TextRun(w, style)], width).Count > 1))
        {
            style = style with { Size = Math.Max(smallest, style.Size - 0.5f) };
        }

        return style;
    }
}

/// <summary>Labelled values in two columns (label left, value right), e.g. a cover page's facts.</summary>
public sealed class KeyValueBlock : Element
{
    private readonly List<(string Key, IReadOnlyList<TextRun> Value)> _items = [];

    /// <summary>Width of the label column in points.</summary>
    public float KeyWidth { get; init; } = 130;

    /// <summary>Label style.</summary>
    public TextStyle KeyStyle { get; init; } = new(9f, true, new SKColor(0x47, 0x55, 0x69));

    /// <summary>Value style.</summary>
    public TextStyle ValueStyle { get; init; } = new(9.5f);

    /// <summary>Rule colour between pairs; null for none.</summary>
    public SKColor? RuleColor { get; init; } = new SKColor(0xE2, 0xE8, 0xF0);

    /// <summary>Adds a pair with a plain value (null shows "—").</summary>
    public KeyValueBlock Add(string key, string? value)
    {
        _items.Add((key, [new TextRun(string.IsNullOrEmpty(value) ? "—" : value, ValueStyle)]));
        return this;
    }

    /// <summary>Adds a pair with styled runs as the value.</summary>
    public KeyValueBlock Add(string key, params IEnumerable<TextRun> value)
    {
        _items.Add((key, value.ToList()));
        return this;
    }

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        var table = new Table(TableColumn.Fixed(KeyWidth), TableColumn.Relative(1))
        {
            Style = new TableStyle
            {
                BorderColor = RuleColor, ZebraBackground = null, HeaderBackground = null,
                CellPadding = new Thickness(0, 4, 6, 4), BodyText = ValueStyle,
            },
        };
        foreach (var (key, value) in _items)
        {
            table.AddRow(TableCell.Of([new TextRun(key, KeyStyle)]), TableCell.Of(value));
        }

        table.Compose(context, width, output);
    }
}
