using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace VendorRisk.Web.Features.Api;

public sealed record QuestionSetRef(string Key, int Version);

public sealed record EvidenceDto(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EvidenceSource? Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Date);

/// <summary>A stored answer: one value field (or N/A), optional note and evidence, and its concurrency version.</summary>
public sealed record AnswerDto
{
    public required string QuestionKey { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Choice { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Choices { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Number { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Text { get; init; }
    public bool NotApplicable { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Justification { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public EvidenceDto? Evidence { get; init; }
    public required int Version { get; init; }
    public required string UpdatedBy { get; init; }
    public required DateTime UpdatedAt { get; init; }
    /// <summary>The evidence files attached to this answer's question.</summary>
    public IReadOnlyList<AnswerFileDto> Files { get; init; } = [];

    public static AnswerDto From(StoredAnswer stored, IEnumerable<EvidenceFiles.EvidenceFileInfo>? files = null)
    {
        var v = stored.Value;
        return new AnswerDto
        {
            QuestionKey = v.QuestionKey,
            Choice = v.Choice,
            Choices = v.Choices,
            Number = v.Number,
            Text = v.Text,
            NotApplicable = v.NotApplicable,
            Justification = v.Justification,
            Note = v.Note,
            Evidence = v.Evidence is { } e ? new EvidenceDto(e.Description, e.Source, e.Date) : null,
            Version = stored.Version,
            UpdatedBy = stored.UpdatedByName,
            UpdatedAt = ApiDates.Utc(stored.UpdatedAt),
            Files = (files ?? []).Select(f => new AnswerFileDto(f.Id, f.Name, f.Size, f.ContentType)).ToList(),
        };
    }
}

public sealed record SectionScoreDto(string Key, double Weight, double? Score)
{
    public static SectionScoreDto From(SectionScore s) => new(s.Key, s.Weight, s.Score);
}

/// <summary>A knockout whose risk is accepted by an acceptance in force today (scoring.md §4).</summary>
public sealed record AcceptedKnockoutDto(string QuestionKey, string AcceptedBy, DateOnly Until)
{
    public static AcceptedKnockoutDto From(KnockoutAcceptance a) => new(a.QuestionKey, a.AcceptedById, a.Until);
}

public sealed record QuestionScoreDto(string Key, string SectionKey, double Weight, double? P, bool Answered, bool NotApplicable);

/// <summary>scoring.md's result, unrounded; <c>null</c> where there is no score.</summary>
public sealed record ScoreDto(
    double? Overall,
    string? Rating,
    string? BandRating,
    IReadOnlyList<string> Knockouts,
    double Completeness,
    double? EvidenceStrength,
    IReadOnlyList<SectionScoreDto> Sections,
    IReadOnlyList<QuestionScoreDto> Questions,
    IReadOnlyList<AcceptedKnockoutDto> AcceptedKnockouts)
{
    public static ScoreDto From(AssessmentScore s) => new(
        s.Overall, s.Rating, s.BandRating, s.Knockouts, s.Completeness, s.EvidenceStrength,
        [.. s.Sections.Select(SectionScoreDto.From)],
        s.Questions.Select(q => new QuestionScoreDto(q.Key, q.SectionKey, q.Weight, q.P, q.Answered, q.NotApplicable)).ToList(),
        [.. s.AcceptedKnockouts.Select(AcceptedKnockoutDto.From)]);
}

/// <summary>
/// The answers save's response when the caller sends <c>Prefer: return=minimal</c> (RFC 7240): each saved answer's new
/// version, and the score after the save without its per-question breakdown.
/// </summary>
public sealed record AnswersSavedDto(IReadOnlyList<SavedAnswerDto> Answers, ScoreSummaryDto Score)
{
    public static AnswersSavedDto From(Assessments.AnswersSaveResult result) => new(
        result.Answers.Select(a => new SavedAnswerDto(a.QuestionKey, a.Version, a.Cleared, a.UpdatedByName, ApiDates.Utc(a.UpdatedAt))).ToList(),
        ScoreSummaryDto.From(result.Score));
}

/// <param name="Version">The answer's version now, for the next save's <c>expectedVersion</c> (0 once cleared).</param>
public sealed record SavedAnswerDto(string QuestionKey, int Version, bool Cleared, string UpdatedBy, DateTime UpdatedAt);

/// <summary>scoring.md's result as <see cref="ScoreDto"/> gives it, without the per-question breakdown.</summary>
public sealed record ScoreSummaryDto(
    double? Overall,
    string? Rating,
    string? BandRating,
    IReadOnlyList<string> Knockouts,
    double Completeness,
    double? EvidenceStrength,
    IReadOnlyList<SectionScoreDto> Sections,
    IReadOnlyList<AcceptedKnockoutDto> AcceptedKnockouts)
{
    public static ScoreSummaryDto From(AssessmentScore s) => new(
        s.Overall, s.Rating, s.BandRating, s.Knockouts, s.Completeness, s.EvidenceStrength,
        [.. s.Sections.Select(SectionScoreDto.From)],
        [.. s.AcceptedKnockouts.Select(AcceptedKnockoutDto.From)]);
}

public sealed record AssessmentDto(
    int Id,
    int VendorId,
    int? ModelId,
    string? ModelName,
    string Title,
    QuestionSetRef QuestionSet,
    AssessmentStatus Status,
    IReadOnlyList<AnswerDto> Answers,
    ScoreDto Score)
{
    public static AssessmentDto From(AssessmentSnapshot a, ILookup<string, EvidenceFiles.EvidenceFileInfo>? files = null) => new(
        a.Id, a.VendorId, a.ModelId, a.ModelName, a.Title,
        new QuestionSetRef(a.QuestionSet.Key, a.QuestionSetVersionNumber),
        a.Status,
        a.QuestionSet.Sections.SelectMany(s => s.Questions)
            .Where(q => a.Answers.ContainsKey(q.Key))
            .Select(q => AnswerDto.From(a.Answers[q.Key], files?[q.Key]))
            .Concat(a.Answers.Where(x => a.QuestionSet.FindQuestion(x.Key) is null).Select(x => AnswerDto.From(x.Value, files?[x.Key])))
            .ToList(),
        ScoreDto.From(a.Score));
}

/// <summary>An assessment as the API returns it, with each answer's evidence files.</summary>
public sealed class AssessmentDtoReader(AssessmentReader reader, EvidenceFiles.EvidenceFileQueries files)
{
    public async Task<AssessmentDto> GetAsync(int id, CancellationToken cancellationToken)
    {
        var assessment = await reader.GetAsync(id, cancellationToken);
        var attached = await files.ListAsync(id, cancellationToken: cancellationToken);
        return AssessmentDto.From(assessment, attached.Where(f => f.QuestionKey is not null).ToLookup(f => f.QuestionKey!, StringComparer.Ordinal));
    }
}

/// <summary>An answer in a PUT (api.md): one value field, or notApplicable, or clear; optional expectedVersion.</summary>
public sealed record AnswerRequestDto(
    [Required] string QuestionKey,
    string? Choice,
    IReadOnlyList<string>? Choices,
    double? Number,
    string? Text,
    bool? NotApplicable,
    string? Justification,
    string? Note,
    EvidenceDto? Evidence,
    bool? Clear,
    int? ExpectedVersion);

public sealed record PutAnswersRequest([Required] IReadOnlyList<AnswerRequestDto> Answers);

public static class ApiDates
{
    /// <summary>SQLite hands back DateTime of unspecified kind; every stored time is UTC.</summary>
    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
