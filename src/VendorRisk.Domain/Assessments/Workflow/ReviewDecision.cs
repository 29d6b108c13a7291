namespace VendorRisk.Domain.Assessments;

/// <summary>What a reviewer decides about a submitted assessment.</summary>
public enum ReviewDecision
{
    Approved,
    ApprovedWithConditions,
    Rejected,
    Returned,
}
