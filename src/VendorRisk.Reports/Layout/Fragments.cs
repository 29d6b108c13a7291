namespace VendorRisk.Reports.Layout;

/// <summary>
/// An atomic, already laid-out piece of content with a fixed height; the paginator stacks fragments
/// onto pages and asks splittable ones to split when they straddle a page end.
/// </summary>
internal abstract class Fragment
{
    public abstract float Height { get; }

    /// <summary>Keep on the same page as the next fragment (headings).</summary>
    public bool KeepWithNext { get; set; }

    /// <summary>Vertical spacing, dropped at the top of a page.</summary>
    public virtual bool IsSpacing => false;

    /// <summary>Drawn first on every page on which this fragment lands after a page break (table headers).</summary>
    public Fragment? RepeatHeader { get; set; }

    public abstract void Draw(DrawContext context, float x, float y);

    /// <summary>Splits into a part at most <paramref name="available"/> high and the rest, or <c>null</c>.</summary>
    public virtual (Fragment Head, Fragment Tail)? Split(float available) => null;
}

internal sealed class SpaceFragment(float height) : Fragment
{
    public override float Height => height;
    public override bool IsSpacing => true;
    public override void Draw(DrawContext context, float x, float y) { }
}

internal sealed class PageBreakFragment : Fragment
{
    public int? OnlyOnPage { get; init; }
    public override float Height => 0;
    public override void Draw(DrawContext context, float x, float y) { }
}

internal sealed class LineFragment(TextLine line, float width, TextAlign align, float indent = 0, TextLine? marker = null) : Fragment
{
    public TextLine Line { get; } = line;
    public override float Height => Line.Height;

    public override void Draw(DrawContext context, float x, float y)
    {
        marker?.Draw(context, x, y, indent, TextAlign.Left);
        Line.Draw(context, x + indent, y, width - indent, align);
    }
}

/// <summary>Draws with a callback; used for charts and rules.</summary>
internal sealed class DrawingFragment(float height, Action<DrawContext, float, float> draw) : Fragment
{
    public override float Height => height;
    public override void Draw(DrawContext context, float x, float y) => draw(context, x, y);
}

/// <summary>Fragments stacked vertically inside optional padding, background, border and accent bar.</summary>
internal sealed class BlockFragment : Fragment
{
    private readonly float _contentHeight;

    public BlockFragment(IReadOnlyList<Fragment> children, float width, Thickness padding)
    {
        Children = children;
        Width = width;
        Padding = padding;
        _contentHeight = children.Sum(c => c.Height);
    }

    public IReadOnlyList<Fragment> Children { get; }
    public float Width { get; }
    public Thickness Padding { get; }
    public SKColor? Background { get; init; }
    public SKColor? Border { get; init; }
    public SKColor? Accent { get; init; }
    /// <summary>Lets a table row stretch cells to the row height.</summary>
    public float MinHeight { get; init; }

    public override float Height => Math.Max(MinHeight, _contentHeight + Padding.Top + Padding.Bottom);

    public float ContentHeight => _contentHeight + Padding.Top + Padding.Bottom;

    public BlockFragment WithMinHeight(float minHeight) => new(Children, Width, Padding)
    {
        Background = Background, Border = Border, Accent = Accent, MinHeight = minHeight,
        KeepWithNext = KeepWithNext, RepeatHeader = RepeatHeader,
    };

    public override void Draw(DrawContext context, float x, float y)
    {
        var rect = SKRect.Create(x, y, Width, Height);
        if (Background is { } bg)
        {
            context.Canvas.DrawRect(rect, context.Fill(bg));
        }

        if (Accent is { } accent)
        {
            context.Canvas.DrawRect(SKRect.Create(x, y, 3, Height), context.Fill(accent));
        }

        if (Border is { } border)
        {
            context.Canvas.DrawRect(rect, context.Stroke(border, 0.6f));
        }

        var cy = y + Padding.Top;
        foreach (var child in Children)
        {
            child.Draw(context, x + Padding.Left, cy);
            cy += child.Height;
        }
    }

    public override (Fragment Head, Fragment Tail)? Split(float available)
    {
        var room = available - Padding.Top - Padding.Bottom;
        var head = new List<Fragment>();
        var used = 0f;
        var index = 0;
        Fragment? carry = null;
        for (; index < Children.Count; index++)
        {
            var child = Children[index];
            if (used + child.Height <= room + 0.01f)
            {
                head.Add(child);
                used += child.Height;
                continue;
            }

            if (child.Split(room - used) is { } parts && parts.Head.Height > 0)
            {
                head.Add(parts.Head);
                carry = parts.Tail;
                index++;
            }

            break;
        }

        if (head.Count == 0 || (carry is null && index >= Children.Count))
        {
            return null;
        }

        var tail = new List<Fragment>();
        if (carry is not null)
        {
            tail.Add(carry);
        }

        for (var k = index; k < Children.Count; k++)
        {
            tail.Add(Children[k]);
        }

        // Drop spacing that would open the continuation.
        while (tail.Count > 0 && tail[0].IsSpacing)
        {
            tail.RemoveAt(0);
        }

        return (Copy(head), Copy(tail));
    }

    private BlockFragment Copy(IReadOnlyList<Fragment> children) => new(children, Width, Padding)
    {
        Background = Background, Border = Border, Accent = Accent, RepeatHeader = RepeatHeader,
    };
}

/// <summary>One table row: cells side by side, all stretched to the tallest.</summary>
internal sealed class RowFragment : Fragment
{
    private readonly TableStyle _style;

    public RowFragment(IReadOnlyList<BlockFragment> cells, IReadOnlyList<float> widths, SKColor? background, TableStyle style, bool isHeader)
    {
        _style = style;
        Widths = widths;
        Background = background;
        IsHeader = isHeader;
        var height = cells.Count == 0 ? 0 : cells.Max(c => c.ContentHeight);
        Cells = cells.Select(c => c.WithMinHeight(height)).ToList();
        Height = height;
    }

    public IReadOnlyList<BlockFragment> Cells { get; }
    public IReadOnlyList<float> Widths { get; }
    public SKColor? Background { get; }
    public bool IsHeader { get; }
    public override float Height { get; }

    public override void Draw(DrawContext context, float x, float y)
    {
        var width = Widths.Sum();
        var canvas = context.Canvas;
        if (Background is { } bg)
        {
            canvas.DrawRect(SKRect.Create(x, y, width, Height), context.Fill(bg));
        }

        var cx = x;
        for (var i = 0; i < Cells.Count; i++)
        {
            Cells[i].Draw(context, cx, y);
            cx += Widths[i];
        }

        if (_style.BorderColor is { } border)
        {
            var stroke = context.Stroke(border, IsHeader ? _style.BorderWidth * 1.6f : _style.BorderWidth);
            canvas.DrawLine(x, y + Height, x + width, y + Height, stroke);
            stroke = context.Stroke(border, _style.BorderWidth);
            if (IsHeader || _style.OuterBorder)
            {
                canvas.DrawLine(x, y, x + width, y, stroke);
            }

            if (_style.OuterBorder)
            {
                canvas.DrawLine(x, y, x, y + Height, stroke);
                canvas.DrawLine(x + width, y, x + width, y + Height, stroke);
            }

            if (_style.VerticalLines)
            {
                cx = x;
                for (var i = 0; i < Widths.Count - 1; i++)
                {
                    cx += Widths[i];
                    canvas.DrawLine(cx, y, cx, y + Height, stroke);
                }
            }
        }
    }

    public override (Fragment Head, Fragment Tail)? Split(float available)
    {
        var heads = new List<BlockFragment>(Cells.Count);
        var tails = new List<BlockFragment>(Cells.Count);
        var progressed = false;
        foreach (var cell in Cells)
        {
            var plain = new BlockFragment(cell.Children, cell.Width, cell.Padding) { Background = cell.Background };
            if (plain.ContentHeight <= available)
            {
                heads.Add(plain);
                tails.Add(new BlockFragment([], cell.Width, cell.Padding) { Background = cell.Background });
                progressed |= cell.Children.Count > 0;
            }
            else if (plain.Split(available) is { } parts)
            {
                heads.Add((BlockFragment)parts.Head);
                tails.Add((BlockFragment)parts.Tail);
                progressed = true;
            }
            else
            {
                heads.Add(new BlockFragment([], cell.Width, cell.Padding) { Background = cell.Background });
                tails.Add(plain);
            }
        }

        if (!progressed)
        {
            return null;
        }

        return (new RowFragment(heads, Widths, Background, _style, IsHeader) { RepeatHeader = RepeatHeader },
            new RowFragment(tails, Widths, Background, _style, IsHeader) { RepeatHeader = RepeatHeader });
    }
}
