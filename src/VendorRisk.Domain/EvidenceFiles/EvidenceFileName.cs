namespace VendorRisk.Domain.EvidenceFiles;

public static class EvidenceLimits
{
    /// <summary>25 MB (MiB) per file (issue: "at most 25 MB each").</summary>
    public const long MaxFileBytes = 25L * 1024 * 1024;

    /// <summary>Stored names are capped here, keeping the extension.</summary>
    public const int NameMaxLength = 200;

    public const int ContentTypeMaxLength = 100;

    /// <summary>The default of the per-assessment quota, overridable in settings.</summary>
    public const long DefaultQuotaBytes = 200L * 1024 * 1024;
}

/// <summary>
/// The name a file is stored and downloaded under. A name that names a path or holds control characters is
/// refused rather than repaired, so an uploader who meant "../x" learns it; invisible formatting (bidi overrides,
/// zero-width characters) is dropped, the rest NFKC-normalised and capped at <see cref="EvidenceLimits.NameMaxLength"/> UTF-16 units.
/// </summary>
public static class EvidenceFileName
{
    /// <summary>The stored name, or the reason the name is refused.</summary>
    public static (string? Name, string? Error) Sanitise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return (null, "The file has no name.");
        if (raw.Any(char.IsSurrogate) && !IsWellFormed(raw))
            return (null, TextRules.InvalidTextMessage);
        // Checked on the NFKC form the name is stored in: "‥／etc" and "C：＼x" become "../etc" and "C:\x" there.
        var normalized = raw.Normalize(NormalizationForm.FormKC);
        if (normalized.IndexOfAny(['/', '\\']) >= 0 || normalized.Contains(':', StringComparison.Ordinal))
            return (null, "The file name holds a path (/, \\ or :); send the file's own name only.");
        if (normalized.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Control))
            return (null, "The file name holds control characters (such as a line break or NUL).");

        var cleaned = TextRules.CleanName(raw).Trim().TrimEnd('.');
        if (cleaned.Length == 0 || cleaned.All(c => c == '.'))
            return (null, "The file name has no visible characters.");
        return (Cap(cleaned), null);
    }

    /// <summary>The extension in lower case without its dot ("pdf"), or "" when there is none.</summary>
    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot <= 0 || dot == name.Length - 1 ? "" : name[(dot + 1)..].ToLowerInvariant();
    }

    /// <summary>The name with <paramref name="extension"/> (without its dot) added, cut to the longest name allowed.</summary>
    public static string WithExtension(string name, string extension) => Cap($"{name}.{extension}");

    /// <summary>At most <see cref="EvidenceLimits.NameMaxLength"/> UTF-16 units, cut between whole characters, extension kept.</summary>
    private static string Cap(string name)
    {
        if (name.Length <= EvidenceLimits.NameMaxLength)
            return name;
        var extension = Extension(name);
        var suffix = extension.Length is > 0 and <= 10 ? "." + extension : "";
        return TextRules.Truncate(name[..^suffix.Length], EvidenceLimits.NameMaxLength - suffix.Length).TrimEnd() + suffix;
    }

    private static bool IsWellFormed(string text)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
