namespace VendorRisk.Domain.QuestionSets.Interchange;

/// <summary>
/// The outcome of importing a file. <see cref="Definition"/> is set only when there are no
/// errors; <see cref="Document"/> is set whenever the file was a JSON object (for showing it
/// next to its errors), but must not be stored when invalid.
/// </summary>
public sealed record QuestionSetParseResult(
    QuestionSetDocument? Document,
    QuestionSetDefinition? Definition,
    IReadOnlyList<FormatError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Definition is not null;
}

/// <summary>Import, validation and export of the <c>vendorrisk.question-set/1</c> format (question-set-format.md).</summary>
public static class QuestionSetFormat
{
    private static readonly QuestionSetDocumentValidator Validator = new();

    public static QuestionSetParseResult Parse(ReadOnlySpan<byte> utf8) => Complete(QuestionSetReader.Read(utf8));

    public static QuestionSetParseResult Parse(string json) => Complete(QuestionSetReader.Read(json));

    public static QuestionSetParseResult Parse(Stream stream) => Complete(QuestionSetReader.Read(stream));

    public static async Task<QuestionSetParseResult> ParseAsync(Stream stream, CancellationToken cancellationToken = default) =>
        Complete(await QuestionSetReader.ReadAsync(stream, cancellationToken).ConfigureAwait(false));

    /// <summary>All value errors of a document, e.g. one edited in the admin editor, with JSON paths.</summary>
    public static IReadOnlyList<FormatError> Validate(QuestionSetDocument document) =>
        Validator.Validate(document).Errors
            .Select(f => new FormatError(FormatPath.FromPropertyChain(f.PropertyName), f.ErrorMessage))
            .ToList();

    /// <summary>Maps a valid document to its definition; throws <see cref="ArgumentException"/> listing the errors otherwise.</summary>
    public static QuestionSetDefinition ToDefinition(QuestionSetDocument document)
    {
        var errors = Validate(document);
        if (errors.Count > 0)
            throw new ArgumentException(
                "The question set is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, errors),
                nameof(document));
        return QuestionSetMapper.ToDefinition(document);
    }

    /// <summary>A document of the definition with every effective value, for export or for editing a copy.</summary>
    public static QuestionSetDocument ToDocument(QuestionSetDefinition definition, int? version = null) =>
        QuestionSetMapper.ToDocument(definition, version);

    /// <summary>The file for a version: UTF-8 JSON, indented, every allowed field with its effective value.</summary>
    public static byte[] Export(QuestionSetDefinition definition, int version) =>
        QuestionSetWriter.Write(QuestionSetMapper.ToDocument(definition, version));

    public static string ExportString(QuestionSetDefinition definition, int version) =>
        Encoding.UTF8.GetString(Export(definition, version));

    private static readonly Dictionary<string, string[]> Dependencies = new(StringComparer.Ordinal)
    {
        ["knockoutBelow"] = ["critical", "type"],
        ["weight"] = ["type"],
        ["critical"] = ["type"],
        ["options"] = ["type"],
        ["bands"] = ["type"],
        ["maxScore"] = ["type"],
        ["role"] = ["type"],
        ["unit"] = ["type"],
        ["knockoutRating"] = ["ratingBands"],
    };

    private static bool DependsOn(string path, string readerErrorPath)
    {
        var dot = path.LastIndexOf('.');
        if (dot < 0 || !Dependencies.TryGetValue(path[(dot + 1)..], out var dependencies))
            return false;
        var parent = path[..dot];
        return dependencies.Any(d => FormatPath.IsWithin(readerErrorPath, $"{parent}.{d}"));
    }

    private static QuestionSetParseResult Complete(QuestionSetReadResult read)
    {
        if (read.Document is null)
            return new(null, null, read.Errors);

        // A field with a wrong type is null in the document; the follow-on errors about it, or
        // about a field whose rules depend on it, would only repeat the reader's error.
        var valueErrors = Validate(read.Document)
            .Where(e => !read.Errors.Any(r => FormatPath.IsWithin(e.Path, r.Path) || DependsOn(e.Path, r.Path)));
        var errors = read.Errors.Concat(valueErrors).ToList();
        return errors.Count == 0
            ? new(read.Document, QuestionSetMapper.ToDefinition(read.Document), errors)
            : new(read.Document, null, errors);
    }
}
