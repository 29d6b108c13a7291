using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using VendorRisk.Domain.Comparison;
using VendorRisk.Web.Features.ModelOfferings;
using VendorRisk.Web.Features.QuestionSets;
using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.Web.Features.Api;

// ---- vendors ----

public sealed record VendorListItemDto(int Id, string Name, string? Website, string? HeadquartersCountry, int? Tier, string? LatestRating)
{
    public static VendorListItemDto From(VendorSummary v) => new(v.Id, v.Name, v.Website, v.HeadquartersCountry, v.Tier, v.LatestRating);
}

public sealed record VendorAssessmentDto(int Id, string Status, double? Overall, string? Rating);

public sealed record VendorDto(
    int Id,
    string Name,
    string? Website,
    string? HeadquartersCountry,
    int? Tier,
    IReadOnlyList<string> Tags,
    string? LatestRating,
    IReadOnlyList<VendorAssessmentDto> Assessments)
{
    public static VendorDto From(VendorDetails v) => new(
        v.Id, v.Name, v.Website, v.HeadquartersCountry, v.Tier, v.Tags, v.LatestRating,
        v.Assessments.Select(a => new VendorAssessmentDto(a.Id, a.Status, a.Overall, a.Rating)).ToList());
}

/// <summary>api.md: <c>name</c> (1–200, unique ignoring case), <c>website?</c>, <c>headquartersCountry?</c>, <c>tier?</c> (1–4), <c>tags?</c>.</summary>
public sealed record CreateVendorDto([Required] string? Name, string? Website, string? HeadquartersCountry, int? Tier, IReadOnlyList<string>? Tags)
{
    public VendorRequest ToRequest() => new(Name ?? "", Website, HeadquartersCountry, [], null, [], Tier, null, Tags ?? [], null);
}

// ---- question sets ----

public sealed record QuestionSetVersionItemDto(int Version, VersionStatus Status);

public sealed record QuestionSetListItemDto(string Key, string Title, IReadOnlyList<QuestionSetVersionItemDto> Versions)
{
    public static QuestionSetListItemDto From(QuestionSetSummary s) =>
        new(s.Key, s.Title, s.Versions.Select(v => new QuestionSetVersionItemDto(v.Number, v.Status)).ToList());
}

public sealed record QuestionSetVersionRefDto(string Key, int Version);

public sealed record PublishedVersionDto(string Key, int Version, VersionStatus Status);

// ---- assessments ----

public sealed record CreateAssessmentDto([Required] int? VendorId, [Required] string? QuestionSetKey, int? Version, string? Title, string? Scope, int? ModelId);

// ---- model offerings ----

public sealed record ModelOfferingDto(int Id, string Name, string Channel, string? ProviderModelId, string Status)
{
    public static ModelOfferingDto From(ModelOfferingInfo o) => new(o.Id, o.Name, o.ChannelName, o.ProviderModelId, o.StatusName);
}

/// <summary>api.md: <c>name</c>, <c>channel</c>, <c>providerModelId?</c>, <c>status?</c> (kebab-case strings).</summary>
public sealed record CreateModelOfferingDto(string? Name, string? Channel, string? ProviderModelId, string? Status)
{
    public ModelOfferingRequest ToRequest() => new(Name, Channel, ProviderModelId, Status);
}

public sealed record SubmitAssessmentDto(bool ConfirmIncomplete);

/// <summary><c>decision</c>: approved | approved-with-conditions | rejected | returned.</summary>
/// <param name="Conditions">Optional, for approved-with-conditions: each condition becomes a finding with an owner and a due date.</param>
public sealed record ReviewAssessmentDto([Required] string? Decision, string? Comment, IReadOnlyList<ConditionDto>? Conditions = null);

public sealed record ConditionDto(string? Title, string? OwnerId, DateOnly? DueDate, string? Severity, string? Description);

// ---- compare ----

/// <param name="Status">The assessment's workflow status, so that a draft or rejected assessment is never mistaken for an approved one.</param>
public sealed record RankingEntryDto(int AssessmentId, int VendorId, string VendorName, int? ModelId, string? ModelName, AssessmentStatus Status,
    double? Overall, string? Rating, IReadOnlyList<string> Knockouts);

/// <summary><c>{ "stable": true }</c>, or where a single multiplier would change the leader.</summary>
public sealed record RankStabilityDto(
    bool Stable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SectionKey,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Multiplier,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? NewLeaderAssessmentId);

/// <summary>scoring.md §8 per assessment; unknown figures are <c>null</c>; <c>assumed</c> lists the roles that fell back.</summary>
public sealed record CostDto(
    int AssessmentId,
    double? NormalMonthUsd,
    double? PeakMonthUsd,
    double? TwelveMonthUsd,
    double? CostPerUnitUsd,
    double PeakTokensPerMinute,
    double? RateLimitHeadroom,
    bool? ThrottlingRisk,
    IReadOnlyList<string> Assumed)
{
    public static CostDto From(AssessmentCost c) => new(c.AssessmentId, c.Estimate.NormalMonthUsd, c.Estimate.PeakMonthUsd, c.Estimate.TwelveMonthUsd,
        c.Estimate.CostPerUnitUsd, c.Estimate.PeakTokensPerMinute, c.Estimate.RateLimitHeadroom, c.Estimate.ThrottlingRisk, c.Estimate.Assumed);
}

public sealed record ComparisonDto(
    string QuestionSetKey,
    IReadOnlyDictionary<string, double> Multipliers,
    IReadOnlyDictionary<string, double> Weights,
    IReadOnlyList<RankingEntryDto> Ranking,
    IReadOnlyDictionary<string, IReadOnlyList<string>> OnlyIn,
    RankStabilityDto RankStability,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CostDto>? Cost)
{
    /// <param name="statuses">Each compared assessment's workflow status, by id.</param>
    public static ComparisonDto From(ComparisonResult r, IReadOnlyDictionary<int, AssessmentStatus> statuses) => new(
        r.QuestionSetKey,
        r.Multipliers,
        r.Weights,
        r.Ranking.Select(x => new RankingEntryDto(x.AssessmentId, x.VendorId, x.VendorName, x.ModelId, x.ModelName, statuses[x.AssessmentId],
            x.Overall, x.Rating, x.Knockouts)).ToList(),
        r.OnlyIn.ToDictionary(x => x.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.Value),
        r.RankStability.Stable
            ? new RankStabilityDto(true, null, null, null)
            : new RankStabilityDto(false, r.RankStability.SectionKey, r.RankStability.Multiplier, r.RankStability.NewLeaderAssessmentId),
        r.Cost?.Select(CostDto.From).ToList());
}
