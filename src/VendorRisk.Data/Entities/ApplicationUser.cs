using Microsoft.AspNetCore.Identity;
using VendorRisk.Domain.Access;

namespace VendorRisk.Data.Entities;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>How a user is named on screen, in audit entries and in the API: the display name, else the e-mail, else the id.</summary>
    public static string ShownName(string? displayName, string? email, string id) =>
        string.IsNullOrWhiteSpace(displayName) ? email ?? id : displayName;
    public string Role { get; set; } = Roles.Viewer;
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The user turned off notification mails (reviews, findings, reminders); security and account mails still go out.</summary>
    public bool NotificationMailsOff { get; set; }
}
