using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;

namespace VendorRisk.Benchmarks;

/// <summary>
/// Rendering the wizard (bUnit, no browser) on the default checklist's largest section: what a circuit builds when an
/// assessor opens or moves to a section. Allocations stand for the render tree the circuit then keeps; the extra columns
/// say how many components stay alive after the render and how often the wizard rendered.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RenderCountConfig))]
public class WizardRenderBenchmarks
{
    private BunitContext _context = null!;
    private AssessmentSnapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup() => (_context, _snapshot) = Create();

    [Benchmark(Description = "Render the wizard at the largest section (bUnit)")]
    public int RenderSection()
    {
        var cut = Render(_context, _snapshot);
        var count = cut.FindAll("[data-question]").Count;
        _context.DisposeComponentsAsync().GetAwaiter().GetResult();
        return count;
    }

    // MudBlazor's services are only asynchronously disposable.
    [GlobalCleanup]
    public void Cleanup() => _context.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One render, counted: live components afterwards and how often the wizard itself rendered.</summary>
    public static (int Components, int Renders) CountOneRender()
    {
        var (context, snapshot) = Create();
        try
        {
            var cut = Render(context, snapshot);
            return (cut.FindComponents<IComponent>().Count + 1, cut.RenderCount);
        }
        finally
        {
            context.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static IRenderedComponent<AssessmentWizard> Render(BunitContext context, AssessmentSnapshot snapshot) =>
        context.Render<AssessmentWizard>(p => p
            .Add(w => w.Assessment, snapshot)
            .Add(w => w.Save, input => Task.FromResult(new SavedAnswer(input.Value.QuestionKey, 1, false, "A", DateTime.UtcNow))));

    private static (BunitContext, AssessmentSnapshot) Create()
    {
        var set = DefaultSetReportBenchmarks.LoadDefaultSet();
        var largest = set.Sections.MaxBy(s => s.Questions.Count)!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var snapshot = new AssessmentSnapshot
        {
            Id = 1, VendorId = 1, VendorName = "Vendor", Title = "Bench", Status = AssessmentStatus.Draft, AssessorId = "a", AssessorName = "A",
            CreatedAt = DateTime.UtcNow, Version = 1, QuestionSetVersionId = 1, QuestionSetVersionNumber = 1, QuestionSet = set,
            Answers = new Dictionary<string, StoredAnswer>(), AsOf = today, LastSectionKey = largest.Key,
            Score = ScoringEngine.Score(set, new Dictionary<string, AnswerValue>(), today),
        };
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        return (context, snapshot);
    }

    private sealed class RenderCountConfig : ManualConfig
    {
        public RenderCountConfig()
        {
            var counts = new Lazy<(int Components, int Renders)>(CountOneRender);
            AddColumn(new CountColumn("Components", "components alive after one render (what a circuit keeps)", () => counts.Value.Components));
            AddColumn(new CountColumn("Renders", "times the wizard rendered to show the section", () => counts.Value.Renders));
        }
    }

    /// <summary>A count taken once in the host process by <see cref="CountOneRender"/> (deterministic, not timed).</summary>
    private sealed class CountColumn(string name, string legend, Func<int> value) : IColumn
    {
        public string Id => nameof(CountColumn) + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => legend;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value().ToString(System.Globalization.CultureInfo.InvariantCulture);
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
