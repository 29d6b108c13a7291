namespace VendorRisk.Web.Features.Users;

/// <summary>What the Users page's "new user" form edits, as the <see cref="CreateUserRequest"/> its validator checks.</summary>
public sealed class NewUserForm
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Assessor;

    /// <summary>No password: one is generated and shown once.</summary>
    public CreateUserRequest ToRequest() => new(Email, DisplayName, Role, null);
}
