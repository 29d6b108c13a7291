using BenchmarkDotNet.Attributes;
using VendorRisk.Reports;
using VendorRisk.Reports.Models;

namespace VendorRisk.Benchmarks;

/// <summary>PDF rendering, warm: a 60-question assessment report and a 5-vendor comparison.</summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private readonly SkiaReportRenderer _renderer = new();
    private AssessmentReportModel _assessment = null!;
    private ComparisonReportModel _comparison = null!;
    private ComparisonReportModel _comparison10 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _assessment = BuildAssessment(sections: 6, questionsPerSection: 10);
        _comparison = BuildComparison(vendors: 5, _assessment);
        _comparison10 = BuildComparison(vendors: 10, _assessment);
        // Warm the shared font library (fontconfig look-ups, HarfBuzz faces).
        _renderer.RenderAssessment(_assessment);
    }

    [Benchmark]
    public int Assessment60Questions() => _renderer.RenderAssessment(_assessment).Length;

    [Benchmark]
    public int Comparison5Vendors() => _renderer.RenderComparison(_comparison).Length;

    [Benchmark]
    public int Comparison10Vendors() => _renderer.RenderComparison(_comparison10).Length;

    private static AssessmentReportModel BuildAssessment(int sections, int questionsPerSection)
    {
        var answers = new[] { "Yes, contractually committed", "Partially — enterprise plan only", "No", "Yes, independently verified" };
        var list = Enumerable.Range(1, sections).Select(s => new SectionModel($"Section {s}: data protection and security controls", 1 + s % 3, 35 + s * 9.5)
        {
            Questions = Enumerable.Range(1, questionsPerSection).Select(q => new QuestionModel
            {
                Key = $"s{s}-q{q}",
                Text = $"Does the vendor commit, in the contract, to control {q} of section {s} for prompts, outputs and fine-tuning data?",
                AnswerText = answers[(s + q) % answers.Length],
                P = (s * q % 5) / 4.0,
                Weight = 1 + q % 3,
                IsCritical = q == 1,
                Note = q % 3 == 0 ? "Confirmed in the security review call; written policy to follow before signature." : null,
                Evidence = q % 2 == 0 ? new EvidenceModel("Contract", new DateOnly(2025, 3, q), "Master services agreement, schedule 4") : null,
            }).ToList(),
        }).ToList();
        return new AssessmentReportModel
        {
            VendorName = "Aurora Frontier Labs",
            Scope = "General-purpose LLM API",
            QuestionSet = new QuestionSetRef("frontier-ai-buyer-checklist", "Frontier AI buyer checklist", "3"),
            Assessor = "Maria Keller",
            Reviewer = "Tom Okafor",
            Status = "Approved",
            GeneratedAt = new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero),
            OverallScore = 64.25,
            RatingLabel = "Moderate",
            RatingColorHex = "#B8921C",
            Knockouts = [new KnockoutModel("s1-q1", list[0].Questions[0].Text)],
            Completeness = 100,
            EvidenceStrength = 37.5,
            WeakestQuestions = list.SelectMany(s => s.Questions.Select(q => new WeakQuestionModel(q.Key, q.Text, s.Title, q.P, q.Weight))).OrderBy(w => w.P).Take(5).ToList(),
            Sections = list,
            RatingBands = [new("Low risk", 80, "#2E7D4F"), new("Moderate", 60, "#B8921C"), new("High", 40, "#D9822B"), new("Critical", 0, "#B42318")],
        };
    }

    private static ComparisonReportModel BuildComparison(int vendors, AssessmentReportModel assessment) => new()
    {
        QuestionSetKey = "frontier-ai-buyer-checklist",
        QuestionSetTitle = "Frontier AI buyer checklist",
        GeneratedAt = assessment.GeneratedAt,
        Vendors = Enumerable.Range(0, vendors).Select(i => new ComparedVendorModel
        {
            VendorName = $"Vendor {i + 1} Frontier Systems",
            OverallScore = 85 - i * 5.5,
            RatingLabel = "Moderate",
            RatingColorHex = "#B8921C",
            Completeness = 100,
            EvidenceStrength = 50,
        }).ToList(),
        SectionMatrix = assessment.Sections.Select((s, si) => new SectionMatrixRowModel(s.Title, s.Weight,
            Enumerable.Range(0, vendors).Select(i => (double?)(90 - (i * 7 + si * 11) % 50)).ToList())).ToList(),
        Differences = assessment.Sections.Select(s => new SectionDifferencesModel(s.Title,
            s.Questions.Take(4).Select(q => new QuestionDifferenceModel(q.Key, q.Text,
                Enumerable.Range(0, vendors).Select(i => i % 2 == 0 ? "Yes" : "No").ToList<string?>())).ToList())).ToList(),
        RatingBands = assessment.RatingBands,
    };
}
