namespace VendorRisk.Reports.Layout;

/// <summary>Something that can be placed in the flow of a <see cref="ReportDocument"/>.</summary>
public abstract class Element
{
    /// <summary>Lays the element out at <paramref name="width"/> and appends its fragments.</summary>
    internal abstract void Compose(LayoutContext context, float width, List<Fragment> output);
}

/// <summary>What elements need while composing.</summary>
internal sealed class LayoutContext(FontLibrary fonts, float pageBodyHeight)
{
    public FontLibrary Fonts { get; } = fonts;

    public float PageBodyHeight { get; } = pageBodyHeight;

    public List<Fragment> ComposeAll(IEnumerable<Element> elements, float width)
    {
        var list = new List<Fragment>();
        foreach (var element in elements)
        {
            element.Compose(this, width, list);
        }

        return list;
    }
}

/// <summary>A paragraph of styled runs, word-wrapped to the available width; splits between lines.</summary>
public class Paragraph : Element
{
    /// <summary>Creates a paragraph from runs of text.</summary>
    public Paragraph(params IEnumerable<TextRun> runs) => Runs = runs.ToList();

    /// <summary>Creates a paragraph of one run.</summary>
    public Paragraph(string? text, TextStyle style) : this([new TextRun(text, style)]) { }

    /// <summary>The runs, in order.</summary>
    public IReadOnlyList<TextRun> Runs { get; }

    /// <summary>Horizontal alignment of each line.</summary>
    public TextAlign Align { get; init; }

    /// <summary>Space above, dropped at the top of a page.</summary>
    public float SpaceBefore { get; init; }

    /// <summary>Space below.</summary>
    public float SpaceAfter { get; init; } = 4;

    /// <summary>Keep the last line on the same page as what follows.</summary>
    public bool KeepWithNext { get; init; }

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        if (SpaceBefore > 0)
        {
            output.Add(new SpaceFragment(SpaceBefore));
        }

        var lines = TextLayouter.Layout(context.Fonts, Runs, width);
        for (var i = 0; i < lines.Count; i++)
        {
            // Headings keep all their lines together with what follows.
            output.Add(new LineFragment(lines[i], width, Align) { KeepWithNext = KeepWithNext || (i < lines.Count - 1 && lines.Count <= 3) });
        }

        if (SpaceAfter > 0)
        {
            output.Add(new SpaceFragment(SpaceAfter) { KeepWithNext = KeepWithNext });
        }
    }
}

/// <summary>A heading: a paragraph that never ends a page.</summary>
public sealed class Heading : Paragraph
{
    /// <summary>Creates a heading.</summary>
    /// <param name="text">Heading text.</param>
    /// <param name="style">Its style (size and weight carry the hierarchy).</param>
    public Heading(string? text, TextStyle style) : base(text, style)
    {
        KeepWithNext = true;
        SpaceBefore = style.Size * 0.9f;
        SpaceAfter = style.Size * 0.45f;
    }
}

/// <summary>A bulleted list; each item wraps with a hanging indent.</summary>
/// <param name="items">One list of runs per item.</param>
/// <param name="bulletStyle">Style of the bullet character.</param>
public sealed class BulletList(IEnumerable<IReadOnlyList<TextRun>> items, TextStyle bulletStyle) : Element
{
    /// <summary>The items.</summary>
    public IReadOnlyList<IReadOnlyList<TextRun>> Items { get; } = items.ToList();

    /// <summary>Indent of the item text from the bullet.</summary>
    public float Indent { get; init; } = 14;

    /// <summary>Space between items.</summary>
    public float ItemSpacing { get; init; } = 2;

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        foreach (var item in Items)
        {
            var lines = TextLayouter.Layout(context.Fonts, item, width - Indent);
            var marker = TextLayouter.Layout(context.Fonts, [new TextRun("•", bulletStyle)], Indent)[0];
            for (var i = 0; i < lines.Count; i++)
            {
                output.Add(new LineFragment(lines[i], width, TextAlign.Left, Indent, i == 0 ? marker : null));
            }

            output.Add(new SpaceFragment(ItemSpacing));
        }
    }
}

/// <summary>Fixed vertical space (dropped at the top of a page).</summary>
/// <param name="height">Height in points.</param>
public sealed class Spacer(float height) : Element
{
    internal override void Compose(LayoutContext context, float width, List<Fragment> output) =>
        output.Add(new SpaceFragment(height));
}

/// <summary>Starts a new page (ignored when the current page is still empty).</summary>
public sealed class PageBreak : Element
{
    /// <summary>
    /// Breaks only while the flow is still on this page (1-based); null breaks on any. A first page whose content ran
    /// over onto the second goes on there instead of leaving that page holding only its last lines.
    /// </summary>
    public int? OnlyOnPage { get; init; }

    internal override void Compose(LayoutContext context, float width, List<Fragment> output) =>
        output.Add(new PageBreakFragment { OnlyOnPage = OnlyOnPage });
}

/// <summary>
/// Keeps its children on one page: if they do not fit in the space left, they move whole to the next
/// page. Content taller than a full page is split as a last resort.
/// </summary>
/// <param name="children">The elements kept together.</param>
public sealed class KeepTogether(params IEnumerable<Element> children) : Element
{
    /// <summary>The elements kept together.</summary>
    public IReadOnlyList<Element> Children { get; } = children.ToList();

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        var inner = context.ComposeAll(Children, width);
        output.Add(new BlockFragment(inner, width, default));
    }
}

/// <summary>A panel: children inside padding, with an optional background, border and left accent bar.</summary>
/// <param name="children">The content.</param>
public sealed class Box(params IEnumerable<Element> children) : Element
{
    /// <summary>The content.</summary>
    public IReadOnlyList<Element> Children { get; } = children.ToList();

    /// <summary>Inner padding.</summary>
    public Thickness Padding { get; init; } = Thickness.All(8);

    /// <summary>Fill colour.</summary>
    public SKColor? Background { get; init; }

    /// <summary>Outline colour.</summary>
    public SKColor? Border { get; init; }

    /// <summary>Colour of a 3 pt bar along the left edge.</summary>
    public SKColor? Accent { get; init; }

    /// <summary>Space below the box.</summary>
    public float SpaceAfter { get; init; } = 8;

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        var inner = context.ComposeAll(Children, width - Padding.Left - Padding.Right);
        while (inner.Count > 0 && inner[^1].IsSpacing)
        {
            inner.RemoveAt(inner.Count - 1);
        }

        output.Add(new BlockFragment(inner, width, Padding) { Background = Background, Border = Border, Accent = Accent });
        if (SpaceAfter > 0)
        {
            output.Add(new SpaceFragment(SpaceAfter));
        }
    }
}

/// <summary>A horizontal rule.</summary>
/// <param name="color">Line colour.</param>
/// <param name="thickness">Line width in points.</param>
public sealed class Rule(SKColor color, float thickness = 0.6f) : Element
{
    /// <summary>Space above and below the line.</summary>
    public float Margin { get; init; } = 6;

    internal override void Compose(LayoutContext context, float width, List<Fragment> output) =>
        output.Add(new DrawingFragment(Margin * 2 + thickness, (dc, x, y) =>
            dc.Canvas.DrawLine(x, y + Margin, x + width, y + Margin, dc.Stroke(color, thickness))));
}
