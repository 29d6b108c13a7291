using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VendorRisk.Web.Features.Observability;

/// <summary>
/// The app's own instruments. Static, like the framework's: the names are the contract with dashboards
/// (Prometheus shows <c>vendorrisk.autosaves</c> as <c>vendorrisk_autosaves_total</c>).
/// </summary>
public static class VendorRiskTelemetry
{
    public const string Name = "VendorRisk";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Wizard autosaves, tagged <c>outcome</c>: saved, conflict or refused.</summary>
    public static readonly Counter<long> Autosaves = Meter.CreateCounter<long>("vendorrisk.autosaves", "{save}", "Answers saved by the wizard's autosave.");

    /// <summary>Answer writes (wizard or API) refused because the stored answer or status had moved on.</summary>
    public static readonly Counter<long> AnswerConflicts = Meter.CreateCounter<long>("vendorrisk.answer.conflicts", "{conflict}", "Answer saves that lost a race (409).");

    /// <summary>PDF renders, tagged <c>report</c> (assessment, comparison) and <c>outcome</c>.</summary>
    public static readonly Counter<long> PdfRenders = Meter.CreateCounter<long>("vendorrisk.pdf.renders", "{render}", "PDF reports rendered.");

    public static readonly Histogram<double> PdfRenderDuration = Meter.CreateHistogram<double>("vendorrisk.pdf.render.duration", "s", "Time to render a PDF report, waiting for a render slot included.");

    /// <summary>HTTP API v1 calls, tagged <c>method</c>, <c>route</c> and <c>status</c>.</summary>
    public static readonly Counter<long> ApiCalls = Meter.CreateCounter<long>("vendorrisk.api.calls", "{call}", "HTTP API calls by status.");

    /// <summary>Times a PDF render, counting it with its outcome.</summary>
    public static async Task<T> MeasureRenderAsync<T>(string report, Func<Task<T>> render)
    {
        using var activity = ActivitySource.StartActivity($"render {report} report");
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await render();
            outcome = "rendered";
            return result;
        }
        finally
        {
            var tags = new TagList { { "report", report }, { "outcome", outcome } };
            PdfRenders.Add(1, tags);
            PdfRenderDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            activity?.SetTag("vendorrisk.report", report);
        }
    }
}
