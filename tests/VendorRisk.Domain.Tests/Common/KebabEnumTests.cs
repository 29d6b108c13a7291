using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;

namespace VendorRisk.Domain.Tests.Common;

public sealed class KebabEnumTests
{
    [Theory]
    [InlineData(AssessmentStatus.Draft, "draft")]
    [InlineData(AssessmentStatus.ApprovedWithConditions, "approved-with-conditions")]
    [InlineData(EvidenceSource.VendorAttestation, "vendor-attestation")]
    public void A_value_is_spelled_in_kebab_case_and_read_back(object value, string kebab)
    {
        var (spelled, read) = value switch
        {
            AssessmentStatus status => (KebabEnum.ToKebab(status), (object?)KebabEnum.Parse<AssessmentStatus>(kebab)),
            EvidenceSource source => (KebabEnum.ToKebab(source), KebabEnum.Parse<EvidenceSource>(kebab)),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };

        Assert.Equal(kebab, spelled);
        Assert.Equal(value, read);
    }

    [Fact]
    public void Every_value_of_an_enum_reads_back_from_its_own_spelling()
    {
        foreach (var status in Enum.GetValues<AssessmentStatus>())
            Assert.Equal(status, KebabEnum.Parse<AssessmentStatus>(KebabEnum.ToKebab(status)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Draft")]
    [InlineData("approved_with_conditions")]
    public void A_spelling_no_value_has_reads_as_none(string? spelling) =>
        Assert.Null(KebabEnum.Parse<AssessmentStatus>(spelling));

    [Fact]
    public void A_number_the_enum_does_not_name_is_spelled_as_the_number() =>
        Assert.Equal("99", KebabEnum.ToKebab((AssessmentStatus)99));

    [Fact]
    public void Reading_and_spelling_a_stored_value_allocates_nothing()
    {
        // Every enum column of every row read or written goes through here.
        KebabEnum.Parse<AssessmentStatus>("approved-with-conditions");
        KebabEnum.ToKebab(AssessmentStatus.ApprovedWithConditions);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            KebabEnum.Parse<AssessmentStatus>("approved-with-conditions");
            KebabEnum.ToKebab(AssessmentStatus.ApprovedWithConditions);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
