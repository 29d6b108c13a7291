namespace VendorRisk.Web.Features.Shared;

/// <summary>One option of a <see cref="LightSelect"/>: the value sent back and the text shown.</summary>
public sealed record LightOption(string Value, string Text);
