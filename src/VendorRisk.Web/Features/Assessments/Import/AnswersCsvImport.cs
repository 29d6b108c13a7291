using VendorRisk.Web.Features.Assessments;

namespace VendorRisk.Web.Features.Assessments.Import;

/// <summary>One answer the file changes. <see cref="NewValue"/> null means the stored answer is cleared.</summary>
/// <param name="Row">The row number as a spreadsheet shows it (the header is row 1).</param>
/// <param name="ExpectedVersion">The stored answer's version when previewed (0: none), so a save in between is a conflict, not an overwrite.</param>
public sealed record CsvAnswerChange(int Row, string QuestionKey, string Question, string Before, string After, AnswerValue? NewValue, int ExpectedVersion);

public sealed record CsvRowError(int Row, string Message)
{
    public override string ToString() => Row > 0 ? $"Row {Row}: {Message}" : Message;
}

public sealed record CsvImportPreview(IReadOnlyList<CsvAnswerChange> Changes, IReadOnlyList<CsvRowError> Errors, int UnchangedRows)
{
    public bool CanApply => Errors.Count == 0 && Changes.Count > 0;
}

/// <summary>
/// Reads the answers CSV that the answers export writes (possibly edited offline) and works out
/// what would change, row by row. Nothing is saved here: the caller applies <see cref="CsvImportPreview.Changes"/>
/// in one call of the assessment service, which validates again and saves all or nothing.
/// </summary>
public static class AnswersCsvImport
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    private const string KeyColumn = "Question key";
    private const string AnswerColumn = "Answer";
    private static readonly string[] Yes = ["yes", "y", "true", "x", "n/a"];

    // Only the CSV export guards formulas with an apostrophe; the XLSX export stores text cells as they are.
    public static CsvImportPreview Preview(AssessmentSnapshot assessment, TextReader csv) =>
        ReadAndPreview(assessment, () => CsvRecords.Read(csv), SpreadsheetCellGuard.Unguard);

    /// <summary>The preview of an Excel workbook the XLSX export wrote (first sheet, same columns), edited offline.</summary>
    public static CsvImportPreview PreviewWorkbook(AssessmentSnapshot assessment, Stream xlsx) =>
        ReadAndPreview(assessment, () => AnswersXlsx.ReadRows(xlsx), cell => cell);

    /// <summary>A file that cannot be read as rows at all is one error on row 0.</summary>
    private static CsvImportPreview ReadAndPreview(AssessmentSnapshot assessment, Func<List<(int Row, string[] Cells)>> readRows, Func<string, string> unguard)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        List<(int Row, string[] Cells)> rows;
        try
        {
            rows = readRows();
        }
        catch (FormatException ex)
        {
            return new([], [new CsvRowError(0, ex.Message)], 0);
        }

        return Preview(assessment, rows, unguard);
    }

    /// <summary>A CSV or an XLSX file, told apart by content (a workbook is a ZIP archive).</summary>
    public static CsvImportPreview PreviewFile(AssessmentSnapshot assessment, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
            return PreviewWorkbook(assessment, new MemoryStream(content, writable: false));
        return Preview(assessment, new StreamReader(new MemoryStream(content, writable: false), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true));
    }

    /// <summary>
    /// The preview of rows read from any spreadsheet file. <paramref name="unguard"/> undoes what the export
    /// did to a cell (identity for XLSX). Free text (answer text, justification, note, evidence) is kept exactly,
    /// whitespace included; keys, flags, option labels, numbers, sources and dates are read trimmed.
    /// </summary>
    public static CsvImportPreview Preview(AssessmentSnapshot assessment, IReadOnlyList<(int Row, string[] Cells)> records, Func<string, string> unguard)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(unguard);
        var set = assessment.QuestionSet;
        var errors = new List<CsvRowError>();
        var changes = new List<CsvAnswerChange>();
        var unchanged = 0;
        if (records.Count == 0)
            return new([], [new CsvRowError(0, "The file is empty.")], 0);
        var header = records[0].Cells.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        int Column(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        int keyAt = Column(KeyColumn), answerAt = Column(AnswerColumn), naAt = Column("N/A"), justificationAt = Column("Justification"),
            noteAt = Column("Note"), evidenceAt = Column("Evidence"), sourceAt = Column("Source"), dateAt = Column("Date");
        if (keyAt < 0 || answerAt < 0)
            return new([], [new CsvRowError(1, $"The header needs the columns '{KeyColumn}' and '{AnswerColumn}' (the answers export's columns).")], 0);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, cells) in records.Skip(1))
        {
            string Text(int index) => index >= 0 && index < cells.Length ? unguard(cells[index]) : "";
            string Cell(int index) => Text(index).Trim();

            var key = Cell(keyAt);
            if (key.Length == 0 && cells.All(c => c.Trim().Length == 0))
                continue;
            var question = set.FindQuestion(key);
            if (question is null)
            {
                errors.Add(new CsvRowError(row, $"Question '{key}' is not in question set '{set.Key}'."));
                continue;
            }
            if (seen.TryGetValue(key, out var first))
            {
                errors.Add(new CsvRowError(row, $"Question '{key}' is already on row {first}."));
                continue;
            }
            seen[key] = row;

            var rowErrors = new List<string>();
            var answer = question.Type == QuestionType.Text ? Text(answerAt) : Cell(answerAt);
            var value = ReadAnswer(question, answer, Yes.Contains(Cell(naAt).ToLowerInvariant()), Text(justificationAt), Text(noteAt),
                Text(evidenceAt), Cell(sourceAt), Cell(dateAt), rowErrors);
            if (value is not null && rowErrors.Count == 0)
                rowErrors.AddRange(AnswerValidator.Validate(set, value).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
            if (rowErrors.Count > 0)
            {
                errors.Add(new CsvRowError(row, $"({key}) {string.Join(" ", rowErrors)}"));
                continue;
            }

            var stored = assessment.Answers.GetValueOrDefault(key);
            if (Same(stored?.Value, value))
            {
                unchanged++;
                continue;
            }
            changes.Add(new CsvAnswerChange(row, key, question.Text, Describe(question, stored?.Value), Describe(question, value), value, stored?.Version ?? 0));
        }

        return new CsvImportPreview(changes, errors, unchanged);
    }

    /// <summary>The answer a row describes; null when the row is empty (no answer).</summary>
    private static AnswerValue? ReadAnswer(Question question, string answer, bool notApplicable, string justification, string note,
        string evidenceDescription, string sourceText, string dateText, List<string> errors)
    {
        EvidenceSource? source = null;
        if (sourceText.Length > 0 && (source = KebabEnum.Parse<EvidenceSource>(sourceText.ToLowerInvariant())) is null)
            errors.Add($"Source '{sourceText}' is not one of {string.Join(", ", Enum.GetValues<EvidenceSource>().Select(KebabEnum.ToKebab))}.");
        DateOnly? date = null;
        if (dateText.Length > 0)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                date = parsed;
            else
                errors.Add($"Date '{dateText}' is not a date (yyyy-MM-dd).");
        }
        var evidence = evidenceDescription.Length > 0 || source is not null || date is not null
            ? new Evidence(NullIfEmpty(evidenceDescription), source, date)
            : null;

        if (notApplicable || string.Equals(answer, "Not applicable", StringComparison.OrdinalIgnoreCase))
        {
            return AnswerNormalization.Normalize(new AnswerValue
            {
                QuestionKey = question.Key, NotApplicable = true, Justification = NullIfEmpty(justification), Note = NullIfEmpty(note), Evidence = evidence,
            });
        }

        string? choice = null, text = null;
        List<string>? choices = null;
        double? number = null;
        if (answer.Length > 0)
        {
            switch (question.Type)
            {
                case QuestionType.Choice:
                    choice = OptionKey(question, answer);
                    if (choice is null)
                        errors.Add($"'{answer}' is not an option of this question ({string.Join(", ", question.Options.Select(o => o.Label))}).");
                    break;
                case QuestionType.Multi:
                    choices = ReadChoices(question, answer, errors);
                    break;
                case QuestionType.Number:
                    var digits = question.Unit is { } unit && answer.EndsWith(unit, StringComparison.OrdinalIgnoreCase) ? answer[..^unit.Length].Trim() : answer;
                    if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                        number = n;
                    else
                        errors.Add($"'{answer}' is not a number.");
                    break;
                default:
                    text = answer;
                    break;
            }
        }

        if (answer.Length == 0 && justification.Length == 0 && note.Length == 0 && evidence is null)
            return null;
        return AnswerNormalization.Normalize(new AnswerValue
        {
            QuestionKey = question.Key, Choice = choice, Choices = choices, Number = number, Text = text,
            Justification = NullIfEmpty(justification), Note = NullIfEmpty(note), Evidence = evidence,
        });
    }

    /// <summary>Labels joined by "; " (as exported), or keys; the longest label wins, so a label containing ";" still reads.</summary>
    private static List<string>? ReadChoices(Question question, string answer, List<string> errors)
    {
        if (string.Equals(answer, "None of these", StringComparison.OrdinalIgnoreCase))
            return [];
        var result = new List<string>();
        var rest = answer;
        while (rest.Length > 0)
        {
            var match = question.Options
                .SelectMany(o => new[] { (o.Key, Text: o.Label), (o.Key, Text: o.Key) })
                .Where(o => rest.StartsWith(o.Text, StringComparison.OrdinalIgnoreCase) && (rest.Length == o.Text.Length || rest[o.Text.Length] == ';'))
                .OrderByDescending(o => o.Text.Length)
                .FirstOrDefault();
            if (match.Key is null)
            {
                var piece = rest.Split(';')[0].Trim();
                errors.Add($"'{piece}' is not an option of this question ({string.Join(", ", question.Options.Select(o => o.Label))}).");
                return null;
            }
            result.Add(match.Key);
            rest = rest[match.Text.Length..].TrimStart(';').TrimStart();
        }
        return result;
    }

    private static string? OptionKey(Question question, string answer) =>
        question.Options.FirstOrDefault(o => string.Equals(o.Label.Trim(), answer, StringComparison.OrdinalIgnoreCase))?.Key
        ?? question.Options.FirstOrDefault(o => string.Equals(o.Key, answer, StringComparison.OrdinalIgnoreCase))?.Key;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    internal static bool Same(AnswerValue? a, AnswerValue? b) =>
        a is null || b is null ? a is null && b is null : AnswerNormalization.SameAnswer(a, b);

    /// <summary>
    /// Everything the answer holds, free text in quotes (so a changed space shows), so that any two different
    /// answers are described differently and the preview shows every change it will apply.
    /// </summary>
    internal static string Describe(Question question, AnswerValue? value)
    {
        if (value is null)
            return "—";
        static string Quote(string text) => $"“{text}”";
        string Label(string key) => question.Options.FirstOrDefault(o => o.Key == key)?.Label ?? key;
        var parts = new List<string>();
        if (value.NotApplicable)
            parts.Add("Not applicable" + (value.Justification is { } j ? $" ({Quote(j)})" : ""));
        else
        {
            var main = question.Type switch
            {
                QuestionType.Choice => value.Choice is null ? "" : Label(value.Choice),
                QuestionType.Multi => value.Choices is null ? "" : value.Choices.Count == 0 ? "None of these" : string.Join("; ", value.Choices.Select(Label)),
                QuestionType.Number => value.Number?.ToString("G17", CultureInfo.InvariantCulture) ?? "",
                _ => value.Text is null ? "" : Quote(value.Text),
            };
            parts.Add(main.Length == 0 ? "(no value)" : main);
            if (value.Justification is { } justification)
                parts.Add($"justification {Quote(justification)}");
        }

        if (value.Note is { } note)
            parts.Add($"note {Quote(note)}");
        if (value.Evidence is { } evidence)
        {
            var source = evidence.Source is { } s ? KebabEnum.ToKebab(s) : null;
            var date = evidence.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            parts.Add("evidence " + string.Join(", ", new[] { evidence.Description is { } d ? Quote(d) : null, source, date }.OfType<string>()));
        }

        return string.Join(" · ", parts);
    }
}
