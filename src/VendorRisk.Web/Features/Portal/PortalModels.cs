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

    public int AnsweredCount => Groups.Sum(g => g.Questions.Count(q => q.IsAnswered));
    public int QuestionCount => Groups.Sum(g => g.Questions.Count);

    /// <summary>A page of one section needs no contents.</summary>
    public bool HasContents => Groups.Sum(g => g.Sections.Count) > 1;
}

/// <param name="Heading">"About the company" (vendor-level questions) or "About the model" (model-level).</param>
public sealed record PortalGroup(QuestionLevel Level, string Heading, IReadOnlyList<PortalQuestion> Questions)
{
    /// <summary>The group's sections in the order of their questions, for the page's contents.</summary>
    public IReadOnlyList<PortalSectionSummary> Sections =>
        [.. Questions.GroupBy(q => q.SectionTitle).Select(s => new PortalSectionSummary(
            SectionId(s.Key), s.Key, s.First().Question.Key, s.Count(q => q.IsAnswered), s.Count()))];

    /// <summary>Names a section within the page: the contents' counts and the questions' forms share it, for portal.js to recount.</summary>
    public string SectionId(string sectionTitle) => $"{Level}:{sectionTitle}";
}

/// <param name="FirstQuestionKey">The contents link to this question's form.</param>
public sealed record PortalSectionSummary(string Id, string Title, string FirstQuestionKey, int Answered, int Count);

public sealed record PortalQuestion(string SectionTitle, Question Question, PortalSavedAnswer? Saved)
{
    public bool IsAnswered => Saved?.Value is not null;
}

/// <param name="Value">Null when the vendor cleared the answer.</param>
public sealed record PortalSavedAnswer(AnswerValue? Value, string? Comment, int Version, DateTime UpdatedAt);

/// <summary>One autosave from the portal. <paramref name="Value"/> null clears the answer.</summary>
public sealed record PortalAnswerInput(string QuestionKey, AnswerValue? Value, string? Comment, int ExpectedVersion);

public sealed record PortalAnswerSaved(string QuestionKey, int Version, DateTime SavedAt);
