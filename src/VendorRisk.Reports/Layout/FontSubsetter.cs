using System.Runtime.InteropServices;

namespace VendorRisk.Reports.Layout;

/// <summary>
/// Cuts a font down to the glyphs one document uses, with HarfBuzz's subsetter (<c>hb-subset</c>, shipped
/// inside HarfBuzzSharp's native library but not wrapped by its managed API). Skia's PDF backend on Linux
/// has no subsetter of its own and would embed (and deflate) the whole font for every document, which costs
/// tens of milliseconds and hundreds of kilobytes per face. Glyph ids are retained, so glyphs shaped against
/// the full font draw unchanged with the subset. When the native subsetter is unavailable or fails, callers
/// keep the full font: a report is never refused for it.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";
    private const uint FlagNoHinting = 0x1;
    private const uint FlagRetainGlyphIds = 0x2;
    private const uint FlagNotdefOutline = 0x40;
    private const uint FlagNoLayoutClosure = 0x200;
    private const int SetGlyphIndex = 0;
    private const int SetUnicode = 1;
    private const int SetDropTableTag = 3;

    // Shaping runs on the full font, so the subset needs outlines, metrics and cmap only.
    private static readonly uint[] DroppedTables =
        [.. new[] { "GSUB", "GPOS", "GDEF", "kern", "morx", "DSIG", "hdmx", "LTSH", "VDMX" }.Select(t => (uint)HarfBuzzSharp.Tag.Parse(t))];

    private static int _unavailable;

    /// <summary>
    /// A typeface holding only <paramref name="glyphs"/> of <paramref name="face"/> (plus .notdef), with the
    /// character map entries that reach them so PDF text stays searchable; null when subsetting is not possible.
    /// Where several characters share a glyph (日 U+65E5 and the Kangxi radical ⽇ U+2F47 in CJK fonts), only the
    /// ones in <paramref name="written"/> are kept: Skia's ToUnicode map takes the lowest code point of a glyph.
    /// </summary>
    public static SKTypeface? Subset(FontFace face, IReadOnlyCollection<ushort> glyphs, IReadOnlySet<uint>? written = null)
    {
        if (Volatile.Read(ref _unavailable) != 0 || !face.HasTrueTypeOutlines || face.HarfBuzzFace is not { } hbFace || glyphs.Count == 0)
        {
            return null;
        }

        try
        {
            var bytes = SubsetBytes(hbFace.Handle, face.CharacterMap, glyphs, written);
            GC.KeepAlive(hbFace);
            if (bytes is null)
            {
                return null;
            }

            using var data = SKData.CreateCopy(bytes);
            return SKTypeface.FromData(data);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref _unavailable, 1);
            return null;
        }
    }

    /// <summary>Every (code point, glyph) pair of the face's character map.</summary>
    public static (uint CodePoint, uint Glyph)[] ReadCharacterMap(HarfBuzzSharp.Face face, HarfBuzzSharp.Font font)
    {
        if (Volatile.Read(ref _unavailable) != 0)
        {
            return [];
        }

        try
        {
            var set = hb_set_create();
            try
            {
                hb_face_collect_unicodes(face.Handle, set);
                GC.KeepAlive(face);
                var pairs = new List<(uint, uint)>();
                var codePoint = uint.MaxValue;
                while (hb_set_next(set, ref codePoint) != 0)
                {
                    if (font.TryGetNominalGlyph(codePoint, out var glyph))
                    {
                        pairs.Add((codePoint, glyph));
                    }
                }

                return [.. pairs];
            }
            finally
            {
                hb_set_destroy(set);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref _unavailable, 1);
            return [];
        }
    }

    private static byte[]? SubsetBytes(IntPtr face, (uint CodePoint, uint Glyph)[] characterMap, IReadOnlyCollection<ushort> glyphs,
        IReadOnlySet<uint>? written)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            hb_subset_input_set_flags(input, FlagRetainGlyphIds | FlagNotdefOutline | FlagNoHinting | FlagNoLayoutClosure);
            var glyphSet = hb_subset_input_set(input, SetGlyphIndex);
            var used = new HashSet<uint> { 0 };
            hb_set_add(glyphSet, 0);
            foreach (var glyph in glyphs)
            {
                used.Add(glyph);
                hb_set_add(glyphSet, glyph);
            }

            var glyphsWritten = new HashSet<uint>();
            foreach (var (codePoint, glyph) in characterMap)
            {
                if (written is not null && written.Contains(codePoint) && used.Contains(glyph))
                {
                    glyphsWritten.Add(glyph);
                }
            }

            var unicodeSet = hb_subset_input_set(input, SetUnicode);
            foreach (var (codePoint, glyph) in characterMap)
            {
                if (used.Contains(glyph) && (!glyphsWritten.Contains(glyph) || written!.Contains(codePoint)))
                {
                    hb_set_add(unicodeSet, codePoint);
                }
            }

            var dropSet = hb_subset_input_set(input, SetDropTableTag);
            foreach (var tag in DroppedTables)
            {
                hb_set_add(dropSet, tag);
            }

            var subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var blob = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(blob, out var length);
                    if (data == IntPtr.Zero || length == 0)
                    {
                        return null;
                    }

                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    hb_blob_destroy(blob);
                }
            }
            finally
            {
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    private static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    private static partial void hb_subset_input_set_flags(IntPtr input, uint value);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_set(IntPtr input, int setType);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    private static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    private static partial void hb_face_collect_unicodes(IntPtr face, IntPtr output);

    [LibraryImport(Library)]
    private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    private static partial void hb_blob_destroy(IntPtr blob);

    [LibraryImport(Library)]
    private static partial IntPtr hb_set_create();

    [LibraryImport(Library)]
    private static partial void hb_set_destroy(IntPtr set);

    [LibraryImport(Library)]
    private static partial void hb_set_add(IntPtr set, uint codePoint);

    [LibraryImport(Library)]
    private static partial int hb_set_next(IntPtr set, ref uint codePoint);
}
