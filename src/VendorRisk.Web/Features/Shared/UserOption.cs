namespace VendorRisk.Web.Features.Shared;

/// <summary>A user who may own a vendor or assess (for pickers).</summary>
public sealed record UserOption(string Id, string Name, string Role);
