using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;

namespace VendorRisk.Data.Configurations;

internal sealed class AssessmentStatusConverter() : ValueConverter<AssessmentStatus, string>(
    v => KebabEnum.ToKebab(v), s => KebabEnum.Parse<AssessmentStatus>(s) ?? AssessmentStatus.Draft)
{
    public static readonly AssessmentStatusConverter Instance = new();
}

internal sealed class EvidenceSourceConverter() : ValueConverter<EvidenceSource, string>(
    v => KebabEnum.ToKebab(v), s => KebabEnum.Parse<EvidenceSource>(s) ?? EvidenceSource.VendorAttestation)
{
    public static readonly EvidenceSourceConverter Instance = new();
}
