namespace VendorRisk.Web.Features.Assessments;

/// <summary>What the new-assessment dialog edits, as the <see cref="CreateAssessmentRequest"/> its validator checks.</summary>
public sealed class NewAssessmentForm
{
    public int? VendorId { get; set; }
    public int? ModelId { get; set; }
    public PublishedSetOption? Set { get; set; }
    public string? Title { get; set; }
    public string? Scope { get; set; }
    public string? AssessorId { get; set; }
    public DateTime? Due { get; set; }

    public CreateAssessmentRequest ToRequest() => new(VendorId ?? 0, Set?.Key ?? "", Set?.Version, Title, Scope, AssessorId,
        Due is { } due ? DateOnly.FromDateTime(due) : null, ModelId);
}
