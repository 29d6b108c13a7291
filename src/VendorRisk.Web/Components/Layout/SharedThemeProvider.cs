using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace VendorRisk.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider with its generated CSS built once per theme and mode for the whole process. The stock
/// provider writes a fresh ~60 KB <c>&lt;style&gt;</c> string on every render, and an open tab keeps two of them (the
/// current and the previous render tree), which was the largest single string cost of a circuit.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    private static readonly ConditionalWeakTable<MudTheme, ConcurrentDictionary<(bool Dark, bool DefaultScrollbar), string[]?>> Markup = [];

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
#pragma warning disable MUD0010 // Only read, to pick the cached output; the base class renders from the same value.
        var key = (IsDarkMode, DefaultScrollbar);
#pragma warning restore MUD0010
        var markup = Markup.GetOrCreateValue(GetTheme()).GetOrAdd(key, _ => CaptureMarkup());
        if (markup is null)
        {
            base.BuildRenderTree(builder);
            return;
        }
        foreach (var content in markup)
            builder.AddMarkupContent(0, content);
    }

    /// <summary>The provider's own output when it is markup only (it is: the theme and scrollbar styles); otherwise null.</summary>
    /// <remarks>Reads the frames the base class wrote (BL0006: an API the framework may change); anything but markup, and
    /// the stock rendering is used. <c>SharedThemeProviderTests</c> compare the output with the stock provider's.</remarks>
#pragma warning disable BL0006
    private string[]? CaptureMarkup()
    {
        var scratch = new RenderTreeBuilder();
        base.BuildRenderTree(scratch);
        var frames = scratch.GetFrames();
        var markup = new string[frames.Count];
        for (var i = 0; i < frames.Count; i++)
        {
            ref var frame = ref frames.Array[i];
            if (frame.FrameType != RenderTreeFrameType.Markup)
                return null;
            markup[i] = frame.MarkupContent;
        }
        return markup;
    }
#pragma warning restore BL0006
}
