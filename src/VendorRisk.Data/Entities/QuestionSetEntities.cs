namespace VendorRisk.Data.Entities;

public sealed class QuestionSet
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<QuestionSetVersion> Versions { get; set; } = [];
}

public enum VersionStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>
/// One version of a question set. Its content is stored whole, in the interchange format
/// (see docs/decisions/0003): a version is read and written as one document, and once published it
/// never changes (enforced by the DbContext and by a trigger).
/// </summary>
public sealed class QuestionSetVersion
{
    public int Id { get; set; }
    public int QuestionSetId { get; set; }
    public QuestionSet QuestionSet { get; set; } = null!;
    public int Number { get; set; }
    public VersionStatus Status { get; set; }
    public string Title { get; set; } = "";
    public string ContentJson { get; set; } = "";
    public int? SourceVersionId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? RetiredAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
