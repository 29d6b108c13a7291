using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// Renders a component without events (a chart, a read-only table) once, with Blazor's <see cref="HtmlRenderer"/>, to
/// one HTML string. A page that shows that string keeps one frame for it, in both its current and its previous render
/// tree, instead of thousands of frames twice for as long as the tab is open (ADR 0055). Text is encoded exactly as in
/// any render; only the events are gone, so nothing inside may need a handler.
/// </summary>
public static class StaticHtml
{
    /// <param name="services">The caller's services (a component's), for whatever the rendered components inject.</param>
    public static async Task<MarkupString> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new MarkupString(html);
    }
}
