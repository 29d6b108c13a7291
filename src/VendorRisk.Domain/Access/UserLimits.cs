namespace VendorRisk.Domain.Access;

/// <summary>Length limits of a user account, shared by the EF configuration and the validators.</summary>
public static class UserLimits
{
    public const int DisplayNameMaxLength = 200;

    /// <summary>Identity's own column length for user names and emails.</summary>
    public const int EmailMaxLength = 256;
}
