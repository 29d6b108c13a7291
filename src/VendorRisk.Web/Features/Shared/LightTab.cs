namespace VendorRisk.Web.Features.Shared;

/// <summary>One tab of a <see cref="LightTabStrip"/>: its label, MudBlazor icon and an id unique within the strip.</summary>
public sealed record LightTab(string Text, string Icon, string Id);
