namespace VendorRisk.Web.Features.Shared;

/// <summary>How an evidence source reads to people: in the wizard, the score breakdown and the PDF report.</summary>
public static class EvidenceLabels
{
    public static string Of(EvidenceSource source) => source switch
    {
        EvidenceSource.VendorAttestation => "Vendor attestation",
        EvidenceSource.PublicDocumentation => "Public documentation",
        EvidenceSource.Contract => "Contract",
        _ => "Independent test",
    };
}
