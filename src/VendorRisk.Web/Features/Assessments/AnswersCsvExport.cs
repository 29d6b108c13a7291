using CsvHelper;

namespace VendorRisk.Web.Features.Assessments;

/// <summary>
/// The answers of one assessment as CSV, one row per question, safe to open in a spreadsheet:
/// a cell that begins with = + - @ tab or carriage return is prefixed with a single quote, so it
/// is never read as a formula (and so is one that begins with a quote, so the import can undo exactly that).
/// </summary>
public static class AnswersCsvExport
{
    public static readonly string[] Header =
        ["Section", "Question key", "Question", "Answer", "Score (p)", "N/A", "Justification", "Note", "Evidence", "Source", "Date"];

    public static byte[] Render(AssessmentSnapshot assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture }, true))
        {
            foreach (var row in Rows(assessment))
            {
                foreach (var cell in row)
                    csv.WriteField(Neutralize(cell));
                csv.EndRecord();
            }
        }

        // A BOM lets Excel read the file as UTF-8.
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
    }

    /// <summary>The header and one row per question, as plain text (the CSV guards formulas, the XLSX stores text cells).</summary>
    public static IEnumerable<string[]> Rows(AssessmentSnapshot assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        yield return Header;
        var scores = assessment.Score.Questions.ToDictionary(q => q.Key);
        foreach (var section in assessment.QuestionSet.Sections)
        {
            foreach (var question in section.Questions)
            {
                var stored = assessment.Answers.GetValueOrDefault(question.Key)?.Value;
                var p = scores.GetValueOrDefault(question.Key)?.P;
                yield return
                [
                    section.Title,
                    question.Key,
                    question.Text,
                    DescribeAnswer(question, stored),
                    p is { } value ? value.ToString("0.####", CultureInfo.InvariantCulture) : "",
                    stored?.NotApplicable == true ? "yes" : "",
                    stored?.Justification ?? "",
                    stored?.Note ?? "",
                    stored?.Evidence?.Description ?? "",
                    stored?.Evidence?.Source is { } source ? KebabEnum.ToKebab(source) : "",
                    stored?.Evidence?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ];
            }
        }
    }

    /// <summary>Prefixes a single quote to a cell a spreadsheet would read as a formula (OWASP CSV injection), also after leading spaces or line breaks; see <see cref="SpreadsheetCellGuard"/>.</summary>
    public static string Neutralize(string cell) => SpreadsheetCellGuard.Guard(cell);

    public static string DescribeAnswer(Question question, AnswerValue? answer)
    {
        if (answer is null)
            return "";
        if (answer.NotApplicable)
            return "Not applicable";
        string Label(string key) => question.Options.FirstOrDefault(o => o.Key == key)?.Label ?? key;
        return question.Type switch
        {
            QuestionType.Choice => answer.Choice is null ? "" : Label(answer.Choice),
            QuestionType.Multi => answer.Choices is null ? "" : answer.Choices.Count == 0 ? "None of these" : string.Join("; ", answer.Choices.Select(Label)),
            QuestionType.Number => answer.Number is { } n ? $"{n.ToString("R", CultureInfo.InvariantCulture)}{(question.Unit is null ? "" : " " + question.Unit)}" : "",
            _ => answer.Text ?? "",
        };
    }

    public static void MapAnswersCsv(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/assessments/{id:int}/answers.csv", async (int id, AssessmentReader reader, CancellationToken cancellationToken) =>
        {
            try
            {
                var assessment = await reader.GetAsync(id, cancellationToken);
                var name = new string($"assessment-{id}-{assessment.Label.ToLowerInvariant().Replace(' ', '-')}-answers".Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
                return Results.File(Render(assessment), "text/csv; charset=utf-8", $"{name}.csv");
            }
            catch (NotFoundException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
            }
            catch (ForbiddenException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization(Policies.Viewer);
}
