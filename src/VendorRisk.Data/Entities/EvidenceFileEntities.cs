namespace VendorRisk.Data.Entities;

/// <summary>
/// An evidence file on an assessment: on one question (<see cref="QuestionKey"/>) or, when that is null, on the
/// assessment as a whole. The bytes live in <see cref="EvidenceFileContent"/>, so listing files never loads them.
/// </summary>
public sealed class EvidenceFile
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public Assessment Assessment { get; set; } = null!;
    public string? QuestionKey { get; set; }
    public string Name { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Lower-case hex of the SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>A user id, or the id of whatever else uploaded it (no foreign key: not every uploader is a user).</summary>
    public string UploadedById { get; set; } = "";
    public string UploadedByName { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    /// <summary>The last day the evidence is current (a SOC 2 report's period end plus its bridge, say).</summary>
    public DateOnly? ValidUntil { get; set; }
    public EvidenceFileContent Content { get; set; } = null!;
}

/// <summary>The bytes of one <see cref="EvidenceFile"/>, in their own table.</summary>
public sealed class EvidenceFileContent
{
    public int EvidenceFileId { get; set; }
    public byte[] Bytes { get; set; } = [];
}
