using System.Text.RegularExpressions;
using VendorRisk.Web.Features.Assessments;

namespace VendorRisk.Web.Features.Assessments.Import;

/// <summary>
/// Applies a CSV preview through <see cref="AssessmentService.SaveAnswersAsync"/>: one call, so the service's
/// rules, audit and all-or-nothing transaction are the only ones. Its errors are put back on the file's rows.
/// </summary>
public static partial class AnswersCsvApply
{
    public static IReadOnlyList<AnswerInput> ToInputs(CsvImportPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        return preview.Changes
            .Select(c => new AnswerInput(c.NewValue ?? new AnswerValue { QuestionKey = c.QuestionKey }, Clear: c.NewValue is null, ExpectedVersion: c.ExpectedVersion))
            .ToList();
    }

    /// <summary>Saves every change or none; returns how many answers changed.</summary>
    /// <exception cref="ValidationFailedException">Keyed by the row (<c>row 7</c>) the service refused.</exception>
    /// <exception cref="ConflictException">An answer was saved by someone else after the preview.</exception>
    public static async Task<int> ApplyAsync(AssessmentService assessments, int assessmentId, CsvImportPreview preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(preview);
        if (!preview.CanApply)
            throw RequestRefusals.One("file", preview.Errors.Count > 0 ? "Fix the rows with errors first; nothing was saved." : "The file changes nothing.");
        try
        {
            await assessments.SaveAnswersAsync(assessmentId, ToInputs(preview), cancellationToken);
            return preview.Changes.Count;
        }
        catch (ValidationFailedException refused)
        {
            throw RequestRefusals.Of(RowErrors(preview, refused)
                .GroupBy(e => e.Row > 0 ? $"row {e.Row.ToString(CultureInfo.InvariantCulture)}" : "file")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
    }

    /// <summary>The service's <c>answers[i].field</c> errors as errors of the rows they came from.</summary>
    public static IReadOnlyList<CsvRowError> RowErrors(CsvImportPreview preview, ValidationFailedException refused)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(refused);
        var errors = new List<CsvRowError>();
        foreach (var (path, messages) in refused.Errors)
        {
            var match = AnswerPath().Match(path);
            var index = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
            var change = index >= 0 && index < preview.Changes.Count ? preview.Changes[index] : null;
            foreach (var message in messages)
                errors.Add(change is null ? new CsvRowError(0, message) : new CsvRowError(change.Row, $"{change.QuestionKey}: {message}"));
        }
        return errors.OrderBy(e => e.Row).ToList();
    }

    [GeneratedRegex(@"^answers\[(\d+)\]")]
    private static partial Regex AnswerPath();
}
