namespace VendorRisk.Domain.Access;

/// <summary>Who did something, as the services and the audit log know them.</summary>
public sealed record Actor(string UserId, string Name, string Role)
{
    public static readonly Actor System = new("system", "system", Roles.Admin);

    public bool Can(string role) => Roles.Includes(Role, role);
}
