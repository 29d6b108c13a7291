namespace VendorRisk.Domain.Assessments;

/// <summary>Why the workflow refused a step.</summary>
public enum RefusalReason
{
    /// <summary>This person may not take the step (the wrong role, or their own assessment).</summary>
    NotPermitted,

    /// <summary>The assessment is not in a status the step starts from.</summary>
    WrongStatus,

    /// <summary>The step lacks something it needs (a comment, a confirmation).</summary>
    Incomplete,
}

/// <summary>
/// A workflow rule said no. <see cref="Field"/> names the input at fault for <see cref="RefusalReason.Incomplete"/>;
/// <see cref="CurrentStatus"/> (and <see cref="CurrentVersion"/>, where known) is the state that refused a
/// <see cref="RefusalReason.WrongStatus"/> step, so the caller can show it.
/// </summary>
public sealed class WorkflowRefusedException(RefusalReason reason, string message, string? field = null,
    AssessmentStatus? currentStatus = null, int? currentVersion = null) : Exception(message)
{
    public RefusalReason Reason { get; } = reason;
    public string? Field { get; } = field;
    public AssessmentStatus? CurrentStatus { get; } = currentStatus;
    public int? CurrentVersion { get; } = currentVersion;
}
