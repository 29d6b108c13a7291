using VendorRisk.Domain.Costs;
using VendorRisk.Domain.Models;
using VendorRisk.Domain.Scoring;

namespace VendorRisk.Domain.Comparison;

/// <param name="AsOf">The as-of date for evidence age: the submission date, or today for a draft.</param>
/// <param name="ModelId">The vendor's model offering the assessment is about; null for the vendor as a whole.</param>
public sealed record ComparisonInput(
    int AssessmentId,
    int VendorId,
    string VendorName,
    QuestionSetDefinition QuestionSet,
    IReadOnlyDictionary<string, AnswerValue> Answers,
    DateOnly AsOf,
    int? ModelId = null,
    string? ModelName = null)
{
    /// <summary>"Vendor · Model" with an offering, else the vendor's name.</summary>
    public string Label => ModelOfferingLimits.Label(VendorName, ModelName);

    /// <summary>Knockout acceptances and the day they are judged on (scoring.md §4).</summary>
    public KnockoutAcceptances? Acceptances { get; init; }
}

/// <param name="Sections">Every section key of any compared version, in order of first appearance.</param>
/// <param name="Multipliers">The what-if multiplier of every section key (1 unless given).</param>
/// <param name="Weights">Effective weight per section key (version weight × multiplier), from the first
/// assessment whose version has the section; each assessment's own are in its <see cref="AssessmentScore.Sections"/>.</param>
/// <param name="OnlyIn">Per assessment id, the question keys its version has and at least one other compared
/// version lacks; empty when every version has the same questions.</param>
/// <param name="Cost">Present when a workload profile was given, in input order.</param>
public sealed record ComparisonResult(
    string QuestionSetKey,
    IReadOnlyList<ComparedSection> Sections,
    IReadOnlyDictionary<string, double> Multipliers,
    IReadOnlyDictionary<string, double> Weights,
    IReadOnlyList<RankedAssessment> Ranking,
    IReadOnlyDictionary<int, IReadOnlyList<string>> OnlyIn,
    IReadOnlyList<SectionMatrixRow> SectionMatrix,
    IReadOnlyList<QuestionComparisonRow> Questions,
    RankStability RankStability,
    IReadOnlyList<AssessmentCost>? Cost);

public sealed record ComparedSection(string Key, string Title, double Multiplier, double Weight);

/// <param name="Rank">1-based position in the ranking.</param>
public sealed record RankedAssessment(int Rank, int AssessmentId, int VendorId, string VendorName, AssessmentScore Score,
    int? ModelId = null, string? ModelName = null)
{
    /// <summary>"Vendor · Model" with an offering, else the vendor's name.</summary>
    public string Label => ModelOfferingLimits.Label(VendorName, ModelName);

    public double? Overall => Score.Overall;
    public string? Rating => Score.Rating;
    public IReadOnlyList<string> Knockouts => Score.Knockouts;
}

/// <param name="Scores">One cell per assessment, in input order; null when the section has no score or the version lacks it.</param>
/// <param name="BestAssessmentIds">The assessments with the highest score in the row (several on a tie).</param>
public sealed record SectionMatrixRow(string SectionKey, string Title, IReadOnlyList<SectionCell> Scores, IReadOnlyList<int> BestAssessmentIds);

public sealed record SectionCell(int AssessmentId, double? Score);

/// <param name="AnswersDiffer">The assessments whose version has the question do not all give the same answer.</param>
public sealed record QuestionComparisonRow(
    string QuestionKey,
    string SectionKey,
    string Text,
    bool Critical,
    IReadOnlyList<QuestionCell> Answers,
    bool AnswersDiffer);

/// <param name="InVersion">False when this assessment's version does not have the question.</param>
/// <param name="Display">The answer as shown ("N/A" when marked so); null when unanswered or absent.</param>
public sealed record QuestionCell(int AssessmentId, bool InVersion, string? Display, double? P, bool NotApplicable);

public sealed record AssessmentCost(int AssessmentId, CostEstimate Estimate);

/// <summary>scoring.md §7. When <see cref="Stable"/> the other members are null.</summary>
/// <param name="Multiplier">The crossover, rounded to two decimals.</param>
/// <param name="CurrentMultiplier">The section's multiplier in the comparison, for the sentence.</param>
public sealed record RankStability(bool Stable, string? SectionKey, double? Multiplier, int? NewLeaderAssessmentId, double? CurrentMultiplier = null)
{
    public static RankStability StableRanking { get; } = new(true, null, null, null);
}

/// <summary>A comparison the rules refuse. <see cref="Field"/> is the request field to blame (<c>ids</c> or <c>multipliers</c>).</summary>
public sealed class ComparisonRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
