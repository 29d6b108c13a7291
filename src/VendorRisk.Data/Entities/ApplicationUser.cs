using Microsoft.AspNetCore.Identity;
using VendorRisk.Domain.Access;

namespace VendorRisk.Data.Entities;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Viewer;
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The user turned off notification mails (reviews, findings, reminders); security and account mails still go out.</summary>
    public bool NotificationMailsOff { get; set; }
}
