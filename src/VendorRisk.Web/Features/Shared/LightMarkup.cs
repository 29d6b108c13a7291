using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// MudBlazor's look without its components, for markup every open tab keeps (ADR 0043): a component costs a circuit two
/// render-tree buffers and often an attribute dictionary, where an element in its parent's tree costs a few frames.
/// </summary>
public static class LightMarkup
{
    private static readonly ConcurrentDictionary<(string Icon, string Size, string? Class), MarkupString> Icons = new();
    private static readonly ConcurrentDictionary<(string Variant, string Color), string> ButtonClasses = new();

    /// <summary>A MudBlazor SVG icon as decorative markup (what <c>MudIcon</c> renders), one shared string per icon and size.</summary>
    public static MarkupString Icon(string icon, string size = "medium", string? extraClass = null) =>
        Icons.GetOrAdd((icon, size, extraClass), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{key.Size}{(key.Class is null ? "" : " " + key.Class)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{key.Icon}</svg>"));

    /// <summary>A small indeterminate <c>MudProgressCircular</c> for a button that is working.</summary>
    public static readonly MarkupString SmallSpinner = new(
        "<span class=\"mud-progress-circular mud-default-text mud-progress-circular-small mud-progress-indeterminate mr-2\" role=\"progressbar\">" +
        "<svg class=\"mud-progress-circular-svg\" viewBox=\"22 22 44 44\"><circle class=\"mud-progress-circular-circle mud-progress-indeterminate\" cx=\"44\" cy=\"44\" r=\"20\" fill=\"none\" stroke-width=\"3\"></circle></svg></span>");

    /// <summary>The classes of a medium <c>MudButton</c> (variant: text, outlined or filled; color: default, primary…).</summary>
    public static string ButtonClass(string variant = "outlined", string color = "default") =>
        ButtonClasses.GetOrAdd((variant, color), key =>
            $"mud-button-root mud-button mud-button-{key.Variant} mud-button-{key.Variant}-{key.Color} mud-button-{key.Variant}-size-medium mud-ripple");
}
