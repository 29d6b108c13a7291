using VendorRisk.Domain.Scoring;

namespace VendorRisk.Web.Features.Shared;

/// <summary>The evidence-strength figure as the screens show it, with what it means (scoring.md §5) for its tooltip.</summary>
public static class EvidenceStrengthText
{
    public const string Meaning =
        "How far to trust the score: the average strength of the answers' evidence (independent test 100, contract 75, " +
        "public documentation 50, vendor attestation 25, none 0), halved where the evidence is undated or more than a year old. " +
        "It never changes the score.";

    public static string Display(double? evidenceStrength) =>
        evidenceStrength is { } value ? $"{ScoreFormat.Display(value)} of 100" : "—";
}
