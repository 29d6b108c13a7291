using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Models;

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

internal sealed class ModelChannelConverter() : ValueConverter<ModelChannel, string>(
    v => KebabEnum.ToKebab(v), s => KebabEnum.Parse<ModelChannel>(s) ?? ModelChannel.Other)
{
    public static readonly ModelChannelConverter Instance = new();
}

internal sealed class ModelOfferingStatusConverter() : ValueConverter<ModelOfferingStatus, string>(
    v => KebabEnum.ToKebab(v), s => KebabEnum.Parse<ModelOfferingStatus>(s) ?? ModelOfferingStatus.Active)
{
    public static readonly ModelOfferingStatusConverter Instance = new();
}
