using BenchmarkDotNet.Attributes;
using Bunit;
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
/// assessor opens or moves to a section. Allocations stand for the render tree the circuit then keeps.
/// </summary>
[MemoryDiagnoser]
public class WizardRenderBenchmarks
{
    private BunitContext _context = null!;
    private AssessmentSnapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        var set = DefaultSetReportBenchmarks.LoadDefaultSet();
        var largest = set.Sections.MaxBy(s => s.Questions.Count)!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _snapshot = new AssessmentSnapshot
        {
            Id = 1, VendorId = 1, VendorName = "Vendor", Title = "Bench", Status = AssessmentStatus.Draft, AssessorId = "a", AssessorName = "A",
            CreatedAt = DateTime.UtcNow, Version = 1, QuestionSetVersionId = 1, QuestionSetVersionNumber = 1, QuestionSet = set,
            Answers = new Dictionary<string, StoredAnswer>(), AsOf = today, LastSectionKey = largest.Key,
            Score = ScoringEngine.Score(set, new Dictionary<string, AnswerValue>(), today),
        };
        _context = new BunitContext();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
    }

    [Benchmark(Description = "Render the wizard at the largest section (bUnit)")]
    public int RenderSection()
    {
        var cut = _context.Render<AssessmentWizard>(p => p
            .Add(w => w.Assessment, _snapshot)
            .Add(w => w.Save, input => Task.FromResult(new SavedAnswer(input.Value.QuestionKey, 1, false, "A", DateTime.UtcNow))));
        var count = cut.FindAll("[data-question]").Count;
        _context.DisposeComponentsAsync().GetAwaiter().GetResult();
        return count;
    }

    [GlobalCleanup]
    public void Cleanup() => _context.Dispose();
}
