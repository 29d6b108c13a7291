using System.Collections.Concurrent;
using HarfBuzzSharp;
using SkiaSharp.HarfBuzz;

namespace VendorRisk.Reports.Layout;

/// <summary>
/// Resolves typefaces from the operating system (fontconfig on Linux) and picks, character by
/// character, a face that has a glyph: the main family first, then whatever system font
/// <see cref="SKFontManager.MatchCharacter(string, SKFontStyle, string[], int)"/> offers, else U+FFFD.
/// Thread-safe; one instance is meant to live for the whole process (<see cref="Shared"/>).
/// </summary>
public sealed class FontLibrary
{
    /// <summary>The character drawn in place of one no installed font can show.</summary>
    public const int ReplacementCharacter = 0xFFFD;

    private static readonly Lazy<FontLibrary> SharedInstance = new(() => new FontLibrary("DejaVu Sans"));
    private readonly ConcurrentDictionary<(int CodePoint, bool Bold), FontFace> _byCodePoint = new();
    private readonly ConcurrentDictionary<(string Family, bool Bold), FontFace> _byFamily = new();
    private readonly Lazy<string[]> _trueTypeFamilies = new(FindTrueTypeFamilies);

    /// <summary>Creates a library whose main family is <paramref name="family"/>.</summary>
    /// <param name="family">Family name as fontconfig knows it, e.g. "DejaVu Sans".</param>
    public FontLibrary(string family)
    {
        Regular = Load(family, bold: false);
        Bold = Load(family, bold: true);
    }

    /// <summary>The process-wide library on DejaVu Sans.</summary>
    public static FontLibrary Shared => SharedInstance.Value;

    internal FontFace Regular { get; }

    internal FontFace Bold { get; }

    /// <summary>Family name of the main regular face actually found (fontconfig may substitute).</summary>
    public string FamilyName => Regular.Typeface.FamilyName;

    internal FontFace Main(bool bold) => bold ? Bold : Regular;

    /// <summary>The face that can draw <paramref name="codePoint"/>, or <c>null</c> when none can.</summary>
    internal FontFace? Resolve(int codePoint, bool bold)
    {
        var main = Main(bold);
        if (main.Has(codePoint))
        {
            return main;
        }

        var face = _byCodePoint.GetOrAdd((codePoint, bold), static (key, self) => self.FindFallback(key.CodePoint, key.Bold), this);
        return ReferenceEquals(face, FontFace.None) ? null : face;
    }

    private FontFace FindFallback(int codePoint, bool bold)
    {
        var style = bold ? SKFontStyle.Bold : SKFontStyle.Normal;
        using var candidate = SKFontManager.Default.MatchCharacter(Regular.Typeface.FamilyName, style, null, codePoint);
        if (candidate is null)
        {
            return FontFace.None;
        }

        // fontconfig answers with its best family even when that family lacks the glyph: verify.
        var face = _byFamily.GetOrAdd((candidate.FamilyName, bold), static (key, self) => self.Load(key.Family, key.Bold), this);
        if (face.Has(codePoint) && face.HasTrueTypeOutlines)
        {
            return face;
        }

        // Skia embeds TrueType faces as CID fonts with real text, but draws CFF faces (Noto Sans CJK) as Type 3
        // outlines: prefer any installed TrueType face that has the character.
        foreach (var family in _trueTypeFamilies.Value)
        {
            var other = _byFamily.GetOrAdd((family, bold), static (key, self) => self.Load(key.Family, key.Bold), this);
            if (other.Has(codePoint))
            {
                return other;
            }
        }

        return face.Has(codePoint) ? face : FontFace.None;
    }

    private static string[] FindTrueTypeFamilies()
    {
        var families = new List<string>();
        foreach (var family in SKFontManager.Default.GetFontFamilies().Order(StringComparer.Ordinal))
        {
            using var typeface = SKFontManager.Default.MatchFamily(family);
            if (typeface is not null && typeface.FamilyName == family && typeface.GetTableTags().Contains(FontFace.GlyfTag))
            {
                families.Add(family);
            }
        }

        return [.. families];
    }

    private FontFace Load(string family, bool bold)
    {
        var typeface = SKFontManager.Default.MatchFamily(family, bold ? SKFontStyle.Bold : SKFontStyle.Normal)
            ?? SKTypeface.Default;
        return new FontFace(typeface);
    }
}

/// <summary>A typeface with its HarfBuzz font, shared by all renders.</summary>
internal sealed class FontFace
{
    // Ligatures would make PDF text extraction yield "ﬁ" for "fi": searchable text matters more.
    private static readonly Feature[] Features =
    [
        new(new Tag('l', 'i', 'g', 'a'), 0),
        new(new Tag('c', 'l', 'i', 'g'), 0),
        new(new Tag('d', 'l', 'i', 'g'), 0),
    ];

    internal static readonly uint GlyfTag = new Tag('g', 'l', 'y', 'f');
    private readonly HarfBuzzSharp.Font? _hbFont;
    private readonly SKFont? _probe;
    private readonly Lazy<(uint CodePoint, uint Glyph)[]> _characterMap;

    public static readonly FontFace None = new();

    private FontFace()
    {
        Typeface = SKTypeface.Default;
        _characterMap = new(() => []);
    }

    public FontFace(SKTypeface typeface)
    {
        Typeface = typeface;
        UnitsPerEm = typeface.UnitsPerEm;
        using (var blob = typeface.OpenStream(out var index).ToHarfBuzzBlob())
        {
            // The face stays alive with the process-wide font: the subsetter reads from it per document.
            HarfBuzzFace = new Face(blob, index) { Index = index, UnitsPerEm = UnitsPerEm };
            _hbFont = new HarfBuzzSharp.Font(HarfBuzzFace);
        }

        _hbFont.SetScale(UnitsPerEm, UnitsPerEm);
        _hbFont.SetFunctionsOpenType();
        HasTrueTypeOutlines = typeface.GetTableTags().Contains(GlyfTag);
        var hbFont = _hbFont;
        _characterMap = new(() => FontSubsetter.ReadCharacterMap(HarfBuzzFace, hbFont), LazyThreadSafetyMode.ExecutionAndPublication);
        _probe = new SKFont(typeface, 12);
        var metrics = _probe.Metrics;
        Ascent = -metrics.Ascent / 12f;
        Descent = metrics.Descent / 12f;
    }

    public SKTypeface Typeface { get; }

    /// <summary>
    /// Whether outlines are TrueType ('glyf'). Skia embeds those as font files (worth subsetting); CFF faces
    /// such as Noto Sans CJK are drawn as Type 3 outlines of the used glyphs only.
    /// </summary>
    public bool HasTrueTypeOutlines { get; }

    /// <summary>The HarfBuzz face the shaper and the subsetter read; null for <see cref="None"/>.</summary>
    public Face? HarfBuzzFace { get; }

    /// <summary>Every (code point, glyph) pair of the character map, read once.</summary>
    public (uint CodePoint, uint Glyph)[] CharacterMap => _characterMap.Value;

    public int UnitsPerEm { get; } = 1000;

    /// <summary>Ascent as a fraction of the font size.</summary>
    public float Ascent { get; } = 0.9f;

    /// <summary>Descent as a fraction of the font size.</summary>
    public float Descent { get; } = 0.25f;

    public bool Has(int codePoint) => _probe is not null && _probe.ContainsGlyph(codePoint);

    /// <summary>
    /// Shapes <paramref name="length"/> UTF-16 units of <paramref name="text"/> from <paramref name="start"/>,
    /// appending glyphs in logical order (clusters are indices into <paramref name="text"/>, ascending). A
    /// right-to-left range is shaped right to left (so joining forms and ligatures come out right) and its
    /// glyphs are then put back in logical order; the line lays them out right to left again.
    /// </summary>
    public void Shape(string text, int start, int length, List<ShapedGlyph> output, bool rightToLeft = false)
    {
        if (_hbFont is null || length == 0)
        {
            return;
        }

        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(text.AsSpan(), start, length);
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        _hbFont.Shape(buffer, Features);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        for (var n = 0; n < infos.Length; n++)
        {
            var i = rightToLeft ? infos.Length - 1 - n : n;
            output.Add(new ShapedGlyph(this, (ushort)infos[i].Codepoint, (int)infos[i].Cluster,
                positions[i].XAdvance / (float)UnitsPerEm, positions[i].XOffset / (float)UnitsPerEm,
                positions[i].YOffset / (float)UnitsPerEm));
        }
    }
}

/// <summary>One shaped glyph; advance and offsets are in em units (multiply by the font size).</summary>
internal readonly record struct ShapedGlyph(FontFace Face, ushort Glyph, int Cluster, float Advance, float OffsetX, float OffsetY);

/// <summary>Cleans user text before layout: controls become visible, line ends are normalised.</summary>
internal static class TextSanitizer
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? sb = null;
        var marks = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = null;
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            marks = (pair ? IsCombiningMark(new Rune(c, text[i + 1])) : IsCombiningMark(c)) ? marks + 1 : 0;
            if (marks > MaxStackedMarks)
            {
                // A mark outside the BMP goes with both its halves.
                sb ??= new StringBuilder(text, 0, i, text.Length + 16);
                i += pair ? 1 : 0;
                continue;
            }
            else if (c == '\r')
            {
                replacement = i + 1 < text.Length && text[i + 1] == '\n' ? string.Empty : "\n";
            }
            else if (c == '\t')
            {
                replacement = " ";
            }
            else if (c != '\n' && char.IsControl(c))
            {
                replacement = "\uFFFD";
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    if (sb is not null)
                    {
                        sb.Append(c).Append(text[i + 1]);
                    }

                    i++;
                    continue;
                }

                replacement = "\uFFFD";
            }
            else if (char.IsLowSurrogate(c))
            {
                replacement = "\uFFFD";
            }

            if (replacement is null)
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text, 0, i, text.Length + 16);
            sb.Append(replacement);
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>
    /// Combining marks kept on one character. Real text stacks two or three (Vietnamese, Hebrew points); hundreds stacked
    /// on one letter drew a hatched bar across the whole page, through the header and the table rows.
    /// </summary>
    public const int MaxStackedMarks = 4;

    private static bool IsCombiningMark(char c) =>
        c >= 0x0300 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static bool IsCombiningMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    /// <summary>Characters a shaper hides (joiners, variation selectors): they follow their neighbour's font.</summary>
    public static bool IsDefaultIgnorable(int codePoint) =>
        codePoint is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF)
        || (codePoint < 0x10000 && CharUnicodeInfo.GetUnicodeCategory((char)codePoint) == UnicodeCategory.Format);
}
