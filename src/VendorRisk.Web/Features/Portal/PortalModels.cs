namespace VendorRisk.Web.Features.Portal;

public enum PortalState
{
    /// <summary>The contact may answer and submit.</summary>
    Open,
    /// <summary>The contact submitted; the page shows what was sent.</summary>
    Submitted,
    /// <summary>The assessment left draft: the buyer no longer takes answers through this link.</summary>
    Closed,
}

/// <summary>What the portal shows: the vendor's own name and questions, never scores, notes or the analyst's answers.</summary>
public sealed record PortalQuestionnaire(
    int InvitationId, string ContactName, string VendorName, string? ModelName, string QuestionSetTitle,
    string InvitedByName, DateTime ExpiresAt, DateTime? SubmittedAt, PortalState State, IReadOnlyList<PortalGroup> Groups,
    IReadOnlyList<PortalFile> Files)
{
    public IReadOnlyList<PortalFile> FilesOf(string questionKey) => [.. Files.Where(f => f.QuestionKey == questionKey)];

    public int AnsweredCount => Groups.Sum(g => g.Questions.Count(q => q.Saved?.Value is not null));
    public int QuestionCount => Groups.Sum(g => g.Questions.Count);
}

/// <param name="Heading">"About the company" (vendor-level questions) or "About the model" (model-level).</param>
public sealed record PortalGroup(QuestionLevel Level, string Heading, IReadOnlyList<PortalQuestion> Questions);

public sealed record PortalQuestion(string SectionTitle, Question Question, PortalSavedAnswer? Saved);

/// <param name="Value">Null when the vendor cleared the answer.</param>
public sealed record PortalSavedAnswer(AnswerValue? Value, string? Comment, int Version, DateTime UpdatedAt);

/// <summary>One autosave from the portal. <paramref name="Value"/> null clears the answer.</summary>
public sealed record PortalAnswerInput(string QuestionKey, AnswerValue? Value, string? Comment, int ExpectedVersion);

public sealed record PortalAnswerSaved(string QuestionKey, int Version, DateTime SavedAt);
