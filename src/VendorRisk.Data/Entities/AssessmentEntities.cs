using VendorRisk.Domain.Assessments;

namespace VendorRisk.Data.Entities;

public sealed class Assessment
{
    public int Id { get; set; }
    public int VendorId { get; set; }
    public Vendor Vendor { get; set; } = null!;
    public int QuestionSetVersionId { get; set; }
    public QuestionSetVersion QuestionSetVersion { get; set; } = null!;
    /// <summary>The model offering of the vendor that this assessment is about; null for the vendor as a whole.</summary>
    public int? ModelOfferingId { get; set; }
    public ModelOffering? ModelOffering { get; set; }
    public string Title { get; set; } = "";
    public string? Scope { get; set; }
    public string AssessorId { get; set; } = "";
    public DateOnly? DueDate { get; set; }
    public AssessmentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>Who submitted it (the assessor, or an Admin who edits any draft): they may not review it either.</summary>
    public string? SubmittedById { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewerId { get; set; }
    public string? ReviewComment { get; set; }
    public int? PreviousAssessmentId { get; set; }
    public string? LastSectionKey { get; set; }
    /// <summary>What the reassessment that created this draft carried over; null when it was not a reassessment.</summary>
    public ReassessmentNotice? ReassessmentNotice { get; set; }
    /// <summary>What was pre-filled from the vendor's latest approved assessment when this one was created; null when nothing was.</summary>
    public PrefillNotice? PrefillNotice { get; set; }
    /// <summary>Application-managed concurrency token for status changes.</summary>
    public int Version { get; set; }
    public List<Answer> Answers { get; set; } = [];

    /// <summary>What the workflow rules look at.</summary>
    public AssessmentFacts Facts() => new(Status, AssessorId, Version, SubmittedById);

    // The score as scoring.md computes it from the saved answers, stored beside the assessment and kept current on every
    // save, review and risk acceptance, so lists and the dashboard sort, filter and count without re-scoring.
    /// <summary>0: not stored yet (start-up fills it in); otherwise the revision of the scoring that stored it.</summary>
    public int ScoreRevision { get; set; }
    public double? ScoreOverall { get; set; }
    /// <summary>The rating on the day it was stored, with the knockout acceptances then in force.</summary>
    public string? ScoreRating { get; set; }
    public string? ScoreBandRating { get; set; }
    /// <summary>The rating once the acceptances behind <see cref="ScoreRating"/> lapse: knockouts cap it again.</summary>
    public string? ScoreCappedRating { get; set; }
    /// <summary>The last day <see cref="ScoreRating"/> holds (the earliest expiry of the acceptances it relies on); null: no end.</summary>
    public DateOnly? ScoreRatingUntil { get; set; }
    public List<string>? ScoreKnockouts { get; set; }
    public double ScoreCompleteness { get; set; }
    /// <summary>Section scores in the version's section order (null where a section has no score).</summary>
    public List<double?>? ScoreSections { get; set; }
}

/// <summary>
/// One stored answer. <see cref="Version"/> is the application-managed concurrency token
/// (SQLite has no rowversion): every save increments it and checks the value it read.
/// </summary>
public sealed class Answer
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public Assessment Assessment { get; set; } = null!;
    public string QuestionKey { get; set; } = "";
    public string? Choice { get; set; }
    public List<string>? Choices { get; set; }
    public double? Number { get; set; }
    public string? Text { get; set; }
    public bool NotApplicable { get; set; }
    public string? Justification { get; set; }
    public string? Note { get; set; }
    public string? EvidenceDescription { get; set; }
    public EvidenceSource? EvidenceSource { get; set; }
    public DateOnly? EvidenceDate { get; set; }
    public int Version { get; set; }
    public string UpdatedById { get; set; } = "";
    public string UpdatedByName { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    public AnswerValue ToValue() => new()
    {
        QuestionKey = QuestionKey,
        Choice = Choice,
        Choices = Choices,
        Number = Number,
        Text = Text,
        NotApplicable = NotApplicable,
        Justification = Justification,
        Note = Note,
        Evidence = EvidenceDescription is null && EvidenceSource is null && EvidenceDate is null
            ? null
            : new Evidence(EvidenceDescription, EvidenceSource, EvidenceDate),
    };

    public void Apply(AnswerValue value)
    {
        Choice = value.Choice;
        Choices = value.Choices?.ToList();
        Number = value.Number;
        Text = value.Text;
        NotApplicable = value.NotApplicable;
        Justification = value.Justification;
        Note = value.Note;
        EvidenceDescription = value.Evidence?.Description;
        EvidenceSource = value.Evidence?.Source;
        EvidenceDate = value.Evidence?.Date;
    }
}

/// <summary>
/// The last version a cleared answer had. A cleared answer's row is gone; its next version continues after this,
/// so a writer still holding an old version can never match again.
/// </summary>
public sealed class AnswerVersionMark
{
    public int AssessmentId { get; set; }
    public string QuestionKey { get; set; } = "";
    public int Version { get; set; }
}
