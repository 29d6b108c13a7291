namespace VendorRisk.Reports.Models;

/// <summary>Everything the assessment PDF prints; computed by the caller (the Domain scoring engine), never by the report.</summary>
public sealed record AssessmentReportModel
{
    public required string VendorName { get; init; }
    /// <summary>The assessment's title; null prints none.</summary>
    public string? Title { get; init; }
    /// <summary>What the assessment covers, as the assessor wrote it; null when none was given.</summary>
    public string? Scope { get; init; }
    /// <summary>False until a reviewer approved, approved with conditions or rejected it: every page is then marked "Draft".</summary>
    public bool IsReviewed { get; init; }
    public required QuestionSetRef QuestionSet { get; init; }
    public string? Assessor { get; init; }
    public string? Reviewer { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    /// <summary>Printed as the report date and written as the PDF creation date (injectable for reproducible output).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Unrounded overall score 0–100; null when no section has a score.</summary>
    public double? OverallScore { get; init; }
    /// <summary>Final rating (after knockouts); null when there is no rating.</summary>
    public string? RatingLabel { get; init; }
    /// <summary>Colour of the final rating, "#RRGGBB".</summary>
    public string? RatingColorHex { get; init; }
    /// <summary>Rating from the bands alone, before the knockout cap.</summary>
    public string? BandRatingLabel { get; init; }
    public IReadOnlyList<KnockoutModel> Knockouts { get; init; } = [];
    /// <summary>Percentage 0–100.</summary>
    public double? Completeness { get; init; }
    /// <summary>0–100; null when no answered question counts.</summary>
    public double? EvidenceStrength { get; init; }
    /// <summary>The weakest questions, weakest first (the report prints up to five).</summary>
    public IReadOnlyList<WeakQuestionModel> WeakestQuestions { get; init; } = [];
    public IReadOnlyList<SectionModel> Sections { get; init; } = [];
    public string? ApprovalConditions { get; init; }
    public string? ReviewComment { get; init; }
    /// <summary>The rating bands of the question set version, any order.</summary>
    public IReadOnlyList<RatingBandModel> RatingBands { get; init; } = [];
    /// <summary>Rating given when a knockout applies (explained in the methodology); null if not set.</summary>
    public string? KnockoutRatingLabel { get; init; }
    /// <summary>The reviewer's decision in words ("Approve", "Approve with conditions", "Reject"); null until reviewed.</summary>
    public string? Recommendation { get; init; }
    /// <summary>The risks a decision-maker should know first, biggest gain first (the decision memo prints up to five).</summary>
    public IReadOnlyList<RiskModel> TopRisks { get; init; } = [];
    /// <summary>Conditions of the approval (any status) and open findings, conditions first.</summary>
    public IReadOnlyList<FindingReportModel> Findings { get; init; } = [];
    /// <summary>Knockouts whose risk is accepted on the report date.</summary>
    public IReadOnlyList<AcceptedKnockoutModel> AcceptedKnockouts { get; init; } = [];
}

/// <summary>A weak answer and what would fix it.</summary>
/// <param name="Name">The question's short name.</param>
/// <param name="AnswerText">The answer given; null when unanswered.</param>
/// <param name="Fix">What answer would earn full marks, in words.</param>
/// <param name="PointsGained">How much the overall score would rise with that answer; null when it cannot be said.</param>
public sealed record RiskModel(string QuestionKey, string Name, string SectionTitle, string? AnswerText, string Fix, double? PointsGained, bool IsKnockout);

/// <summary>The question set an assessment was answered against.</summary>
public sealed record QuestionSetRef(string Key, string Title, string Version);

/// <summary>A rating band: scores from <paramref name="MinScore"/> up get <paramref name="Label"/>.</summary>
public sealed record RatingBandModel(string Label, double MinScore, string ColorHex);

/// <summary>A critical question that failed its threshold, by its short name (<paramref name="QuestionText"/>).</summary>
public sealed record KnockoutModel(string QuestionKey, string QuestionText)
{
    /// <summary>The question's whole text, for a table that has the room; the short name when not given.</summary>
    public string FullText { get => field ?? QuestionText; init; }
}

/// <summary>A low-scoring question for the executive summary.</summary>
/// <param name="Unanswered">No answer yet: its p is the 0 that scoring.md gives silence, which the report says.</param>
public sealed record WeakQuestionModel(string QuestionKey, string QuestionText, string SectionTitle, double? P, double Weight, bool Unanswered = false);

/// <summary>Evidence attached to an answer.</summary>
/// <param name="Source">Display text, e.g. "Independent test".</param>
/// <param name="Date">Evidence date.</param>
/// <param name="Description">Free text (never turned into a link).</param>
public sealed record EvidenceModel(string? Source, DateOnly? Date, string? Description);

/// <summary>An evidence file attached to an answer.</summary>
/// <param name="Name">The stored file name.</param>
/// <param name="UploadedOn">The day it was attached (UTC).</param>
/// <param name="Sha256">The content's SHA-256 in hex; the report prints its first characters.</param>
/// <param name="ValidUntil">The last day the evidence is current, if given.</param>
public sealed record EvidenceFileModel(string Name, DateOnly UploadedOn, string Sha256, DateOnly? ValidUntil);

/// <summary>A section and its weighted score (null: no score, shown "—").</summary>
public sealed record SectionModel(string Title, double Weight, double? Score)
{
    public IReadOnlyList<QuestionModel> Questions { get; init; } = [];
}

/// <summary>One question as answered.</summary>
public sealed record QuestionModel
{
    public required string Key { get; init; }
    public required string Text { get; init; }
    /// <summary>The answer as shown to people; null = unanswered.</summary>
    public string? AnswerText { get; init; }
    /// <summary>Answer fraction 0–1; null for unanswered, N/A or text questions.</summary>
    public double? P { get; init; }
    public double Weight { get; init; }
    public bool IsCritical { get; init; }
    /// <summary>False for text questions, which never score.</summary>
    public bool IsScored { get; init; } = true;
    public string? Note { get; init; }
    public EvidenceModel? Evidence { get; init; }
    /// <summary>Evidence files attached to this question.</summary>
    public IReadOnlyList<EvidenceFileModel> Files { get; init; } = [];
    public bool IsNotApplicable { get; init; }
    public string? NotApplicableJustification { get; init; }
}
