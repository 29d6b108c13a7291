using BenchmarkDotNet.Attributes;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Domain.Scoring;
using VendorRisk.Reports;
using VendorRisk.Reports.Models;
using VendorRisk.Web.Features.Reports;
using VendorRisk.Web.Features.Shared;

namespace VendorRisk.Benchmarks;

/// <summary>
/// PDF rendering as the app does it, warm: the default buyer checklist (seed-data) fully answered, mapped to
/// report models by <see cref="ReportModels"/>, then rendered; and a 10-vendor comparison on the same set.
/// </summary>
[MemoryDiagnoser]
public class DefaultSetReportBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 11, 25);
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly SkiaReportRenderer _renderer = new();
    private AssessmentReportModel _assessment = null!;
    private ComparisonReportModel _comparison = null!;

    [GlobalSetup]
    public void Setup()
    {
        var set = LoadDefaultSet();
        var snapshots = Enumerable.Range(1, 10).Select(i => Snapshot(set, i)).ToList();
        _assessment = ReportModels.Assessment(snapshots[0], GeneratedAt);
        var inputs = snapshots.Select(s => new ComparisonInput(s.Id, s.VendorId, s.VendorName, set, s.AnswerValues, AsOf)).ToList();
        _comparison = ReportModels.Comparison(ComparisonEngine.Compare(inputs), snapshots, null, null, GeneratedAt);
        // Warm the shared font library (fontconfig look-ups, HarfBuzz faces, character maps).
        _renderer.RenderAssessment(_assessment);
        _renderer.RenderComparison(_comparison);
    }

    [Benchmark(Description = "Assessment report, default set fully answered")]
    public int DefaultSetAssessment() => _renderer.RenderAssessment(_assessment).Length;

    [Benchmark(Description = "Comparison report, 10 vendors on the default set")]
    public int DefaultSetComparison10() => _renderer.RenderComparison(_comparison).Length;

    public static QuestionSetDefinition LoadDefaultSet()
    {
        var folder = SeedDataFolder.Find("question-sets", AppContext.BaseDirectory, Directory.GetCurrentDirectory())
            ?? throw new DirectoryNotFoundException($"No seed-data/question-sets above {AppContext.BaseDirectory}.");
        var file = Path.Combine(folder, "frontier-ai-buyer-checklist.json");
        var parsed = QuestionSetFormat.Parse(File.ReadAllText(file));
        return parsed.Definition ?? throw new InvalidOperationException($"{file}: {string.Join("; ", parsed.Errors)}");
    }

    /// <summary>Vendor <paramref name="vendor"/> answers every question, with notes and dated evidence on most.</summary>
    public static AssessmentSnapshot Snapshot(QuestionSetDefinition set, int vendor)
    {
        var answers = new Dictionary<string, StoredAnswer>(StringComparer.Ordinal);
        var n = 0;
        foreach (var question in set.AllQuestions)
        {
            n++;
            var pick = vendor + n;
            var value = question.Type switch
            {
                QuestionType.Choice => new AnswerValue { QuestionKey = question.Key, Choice = question.Options[pick % question.Options.Count].Key },
                QuestionType.Multi => new AnswerValue { QuestionKey = question.Key, Choices = [.. question.Options.Where((_, i) => (i + pick) % 2 == 0).Select(o => o.Key)] },
                QuestionType.Number => new AnswerValue { QuestionKey = question.Key, Number = pick * 37 % 1000 },
                _ => new AnswerValue { QuestionKey = question.Key, Text = "Covered in the vendor's written response of 12 March; the security team reviewed it and found no gaps." },
            };
            value = value with
            {
                Note = n % 3 == 0 ? "Confirmed on the due-diligence call; the written policy follows before signature, and legal wants it in the order form." : null,
                Evidence = n % 4 == 0 ? null : new Evidence("Master services agreement, schedule 4, clause " + n, (EvidenceSource)(n % 4), AsOf.AddDays(-(vendor * 17 + n * 5))),
            };
            answers[question.Key] = new StoredAnswer(value, 1, "analyst", "Maria Keller", new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc));
        }

        var values = answers.ToDictionary(a => a.Key, a => a.Value.Value);
        return new AssessmentSnapshot
        {
            Id = vendor,
            VendorId = vendor,
            VendorName = $"Vendor {vendor} Frontier Systems",
            Title = "Support copilot",
            Scope = "General-purpose LLM API for customer-support drafting and internal knowledge search.",
            Status = AssessmentStatus.Approved,
            AssessorId = "analyst",
            AssessorName = "Maria Keller",
            ReviewerId = "reviewer",
            ReviewerName = "Tom Okafor",
            CreatedAt = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc),
            SubmittedAt = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc),
            ReviewedAt = new DateTime(2026, 11, 5, 9, 0, 0, DateTimeKind.Utc),
            Version = 1,
            QuestionSetVersionId = 1,
            QuestionSetVersionNumber = 1,
            QuestionSet = set,
            Answers = answers,
            AsOf = AsOf,
            Score = ScoringEngine.Score(set, values, AsOf),
        };
    }
}
