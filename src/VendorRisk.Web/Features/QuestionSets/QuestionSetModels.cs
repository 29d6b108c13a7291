namespace VendorRisk.Web.Features.QuestionSets;

public sealed record QuestionSetVersionSummary(
    int Id,
    int Number,
    VersionStatus Status,
    string Title,
    int? SourceVersionId,
    int? SourceNumber,
    string CreatedBy,
    DateTime CreatedAt,
    string? PublishedBy,
    DateTime? PublishedAt,
    DateTime? RetiredAt,
    DateTime UpdatedAt);

/// <summary>A set with its versions, newest first.</summary>
public sealed record QuestionSetSummary(int Id, string Key, string Title, DateTime CreatedAt, IReadOnlyList<QuestionSetVersionSummary> Versions)
{
    public QuestionSetVersionSummary? Published => Versions.FirstOrDefault(v => v.Status == VersionStatus.Published);
    public QuestionSetVersionSummary? Draft => Versions.FirstOrDefault(v => v.Status == VersionStatus.Draft);
    public QuestionSetVersionSummary Latest => Versions[0];
}

/// <summary>One version's content (every default resolved) and its metadata.</summary>
public sealed record QuestionSetVersionDetail(string Key, QuestionSetVersionSummary Version, QuestionSetDefinition Definition);

public sealed record ImportedVersion(string Key, int Version, int VersionId);

/// <summary>A version an assessment can be started on: the published version of each set.</summary>
public sealed record PublishedQuestionSetVersion(int VersionId, string Key, string Title, int Number, DateTime PublishedAt, int QuestionCount);

public sealed record QuestionSetFile(string FileName, byte[] Content, int Version)
{
    public const string ContentType = "application/json";
}

/// <summary>A draft against the version it was copied from.</summary>
public sealed record VersionDiff(string Key, int Number, int SourceNumber, QuestionSetDiff Diff);
