namespace VendorRisk.Web.Features.Vendors;

/// <summary>A vendor's fields as a user gives them; <see cref="CreateVendorRequest"/> and <see cref="UpdateVendorRequest"/> carry them to the pipeline.</summary>
public record VendorRequest(
    string Name,
    string? Website,
    string? HeadquartersCountry,
    IReadOnlyList<string> Jurisdictions,
    string? ParentCompany,
    IReadOnlyList<string> Models,
    int? Tier,
    string? OwnerId,
    IReadOnlyList<string> Tags,
    string? Notes);

public enum VendorSort
{
    Name,
    Tier,
    Rating,
    LatestScore,
    AssessmentCount,
    /// <summary>The API's stable order.</summary>
    Id,
}

/// <param name="Rating">The rating of the latest reviewed approved / approved-with-conditions assessment.</param>
/// <param name="Archived">Null: active only (the default); true: archived only; false: active only.</param>
public sealed record VendorQuery(
    string? Search = null,
    int? Tier = null,
    string? Rating = null,
    string? Tag = null,
    bool? Archived = null,
    bool IncludeArchived = false,
    VendorSort Sort = VendorSort.Name,
    bool Descending = false);

public sealed record VendorSummary(
    int Id,
    string Name,
    string? Website,
    string? HeadquartersCountry,
    int? Tier,
    IReadOnlyList<string> Tags,
    bool IsArchived,
    string? OwnerName,
    string? LatestRating,
    double? LatestScore,
    IReadOnlyList<KnockoutName> LatestKnockouts,
    int AssessmentCount,
    int Version)
{
    /// <summary>The latest rating's knockouts whose risk is accepted today, with who accepted it and until when (scoring.md §4).</summary>
    public IReadOnlyList<KnockoutAcceptance> LatestAccepted { get; init; } = [];
}

public sealed record VendorAssessmentRow(
    int Id,
    string Title,
    string Status,
    string QuestionSetTitle,
    int QuestionSetVersion,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    DateTime? ReviewedAt,
    double? Overall,
    string? Rating,
    IReadOnlyList<KnockoutName> Knockouts,
    double Completeness,
    string? ModelName = null)
{
    /// <summary>The knockouts whose risk is accepted today, with who accepted it and until when (scoring.md §4).</summary>
    public IReadOnlyList<KnockoutAcceptance> Accepted { get; init; } = [];

    /// <summary>What the screens show of the score: a draft's is provisional, and names only its answered knockouts (as <see cref="Knockouts"/> does).</summary>
    public ShownScore Shown { get; init; } = new(true, Overall, Rating, []);
}

public sealed record VendorDetails(
    int Id,
    string Name,
    string? Website,
    string? HeadquartersCountry,
    IReadOnlyList<string> Jurisdictions,
    string? ParentCompany,
    IReadOnlyList<string> Models,
    int? Tier,
    string? OwnerId,
    string? OwnerName,
    IReadOnlyList<string> Tags,
    string? Notes,
    bool IsArchived,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version,
    string? LatestRating,
    IReadOnlyList<VendorAssessmentRow> Assessments)
{
    public VendorRequest ToRequest() =>
        new(Name, Website, HeadquartersCountry, Jurisdictions, ParentCompany, Models, Tier, OwnerId, Tags, Notes);
}
