namespace VendorRisk.Reports.Models;

/// <summary>Everything the comparison PDF prints, for 2–10 assessments on one question set key.</summary>
public sealed record ComparisonReportModel
{
    public required string QuestionSetKey { get; init; }
    public required string QuestionSetTitle { get; init; }
    public string? PreparedBy { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
    /// <summary>Vendors in ranking order (best first); the report does not re-rank.</summary>
    public IReadOnlyList<ComparedVendorModel> Vendors { get; init; } = [];
    /// <summary>One row per section; scores in <see cref="Vendors"/> order. Also feeds the radar chart.</summary>
    public IReadOnlyList<SectionMatrixRowModel> SectionMatrix { get; init; } = [];
    /// <summary>The what-if weighting, or null when every multiplier is the default 1.</summary>
    public WeightingModel? Weighting { get; init; }
    /// <summary>Null when the set has no cost roles.</summary>
    public CostProjectionModel? CostProjection { get; init; }
    /// <summary>Only questions whose answers differ, grouped by section.</summary>
    public IReadOnlyList<SectionDifferencesModel> Differences { get; init; } = [];
    public IReadOnlyList<RatingBandModel> RatingBands { get; init; } = [];
    /// <summary>Plain-words rank stability result, e.g. "Stable: no multiplier in [0, 5] changes the leader."</summary>
    public string? RankStability { get; init; }
    /// <summary>Monthly cost against volume for the first page's chart; null without a workload profile or prices.</summary>
    public CostCurveModel? CostCurve { get; init; }
}

/// <summary>Monthly cost in USD at each volume factor (× the profile), per vendor in <see cref="ComparisonReportModel.Vendors"/> order; null = unknown.</summary>
public sealed record CostCurveModel(IReadOnlyList<double> VolumeFactors, IReadOnlyList<IReadOnlyList<double?>> MonthlyUsd);

/// <summary>One vendor's headline figures.</summary>
public sealed record ComparedVendorModel
{
    public required string VendorName { get; init; }
    /// <summary>Offerings of one vendor share it, so the report can count vendors; null counts as a vendor of its own.</summary>
    public int? VendorId { get; init; }
    public string? QuestionSetVersion { get; init; }
    public double? OverallScore { get; init; }
    public string? RatingLabel { get; init; }
    public string? RatingColorHex { get; init; }
    /// <summary>The rating of the score's band alone, before any knockout; null without a score.</summary>
    public string? BandRatingLabel { get; init; }
    public IReadOnlyList<KnockoutModel> Knockouts { get; init; } = [];
    /// <summary>Those of <see cref="Knockouts"/> whose risk a reviewer accepted (scoring.md §4): they do not cap the rating.</summary>
    public IReadOnlyList<KnockoutAcceptanceNote> AcceptedKnockouts { get; init; } = [];
    /// <summary>True when a knockout without an accepted risk caps the rating.</summary>
    public bool IsCappedByKnockouts => Knockouts.Any(k => AcceptedOf(k.QuestionKey) is null);

    /// <summary>
    /// True when the knockouts' cap rates it worse than its score's band does: only then would fixing them lift the rating
    /// (a score already in the worst bands stays there).
    /// </summary>
    public bool KnockoutsLowerRating => IsCappedByKnockouts && BandRatingLabel is not null && RatingLabel != BandRatingLabel;

    public KnockoutAcceptanceNote? AcceptedOf(string questionKey) => AcceptedKnockouts.FirstOrDefault(a => a.QuestionKey == questionKey);
    public double? Completeness { get; init; }
    public double? EvidenceStrength { get; init; }
    /// <summary>The assessment's status in words ("Approved", "Draft", …).</summary>
    public string? Status { get; init; }
    /// <summary>True when a reviewer approved it (with or without conditions): only then can it be recommended.</summary>
    public bool IsApproved { get; init; }
    /// <summary>Open findings of the compared assessment by severity; null when not given.</summary>
    public OpenFindingCountsModel? OpenFindings { get; init; }
}

/// <summary>A section's (effective) weight and each vendor's score.</summary>
public sealed record SectionMatrixRowModel(string SectionTitle, double Weight, IReadOnlyList<double?> Scores);

/// <summary>A named what-if weighting.</summary>
public sealed record WeightingModel(string Name, IReadOnlyList<SectionMultiplierModel> Multipliers);

/// <summary>A section weight multiplier in [0, 5].</summary>
public sealed record SectionMultiplierModel(string SectionTitle, double Multiplier);

/// <summary>The workload profile and each vendor's projected cost.</summary>
public sealed record CostProjectionModel(WorkloadProfileModel Profile, IReadOnlyList<CostRowModel> Rows);

/// <summary>Monthly token volumes and multipliers.</summary>
public sealed record WorkloadProfileModel(string Name, long InputTokensPerMonth, long OutputTokensPerMonth, double PeakMultiplier, double AgenticMultiplier)
{
    /// <summary>Every field of the profile in words; replaces the short description when given.</summary>
    public string? Description { get; init; }

    /// <summary>For a preset: what it assumes.</summary>
    public string? Assumes { get; init; }
}

/// <summary>Amounts in USD; null means unknown (printed "unknown", never 0).</summary>
public sealed record CostRowModel(string VendorName, decimal? NormalMonthUsd, decimal? PeakMonthUsd, decimal? TwelveMonthsUsd, bool? ThrottlingRisk)
{
    /// <summary>Months 1–12 in USD, for the chart; empty or all null when unknown.</summary>
    public IReadOnlyList<decimal?> MonthlyUsd { get; init; } = [];

    /// <summary>Cost per unit of work, already formatted ("—" without units).</summary>
    public string? CostPerUnit { get; init; }

    /// <summary>Peak real-time tokens a minute, already formatted.</summary>
    public string? PeakTokensPerMinute { get; init; }

    /// <summary>"uses 2.1× less than the limit at peak" or the like.</summary>
    public string? Headroom { get; init; }

    /// <summary>Every price-card role that fell back to its default, in words.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];

    /// <summary>The profile field that moves the twelve-month cost most, in words.</summary>
    public string? Sensitivity { get; init; }
}

/// <summary>The differing questions of one section.</summary>
public sealed record SectionDifferencesModel(string SectionTitle, IReadOnlyList<QuestionDifferenceModel> Questions);

/// <summary>A question whose answers differ; <see cref="Answers"/> in vendor order, null when that vendor's version lacks the question.</summary>
public sealed record QuestionDifferenceModel(string QuestionKey, string QuestionText, IReadOnlyList<string?> Answers);

/// <summary>Who accepted the risk of one knockout, and until when.</summary>
public sealed record KnockoutAcceptanceNote(string QuestionKey, string AcceptedBy, DateOnly Until);
