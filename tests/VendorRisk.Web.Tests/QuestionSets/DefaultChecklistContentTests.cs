using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.QuestionSets;

/// <summary>
/// The shipped checklist (version 2) against what its documentation promises: the published shares of the overall
/// score, recomputed with the scoring engine, and the content rules of the buyer checklist.
/// </summary>
public sealed partial class DefaultChecklistContentTests
{
    private static readonly string SeedFile = Path.Combine(QuestionSetFiles.SeedFolder, "frontier-ai-buyer-checklist.json");
    private static readonly QuestionSetDefinition Checklist = Parse(SeedFile);
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static QuestionSetDefinition Parse(string file)
    {
        var parsed = QuestionSetFormat.Parse(File.ReadAllText(file));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return parsed.Definition!;
    }

    /// <summary>The overall score when only <paramref name="questions"/> get their best answer and everything else is unanswered (p = 0).</summary>
    private static double OverallWithOnly(IEnumerable<Question> questions)
    {
        var answers = questions.ToDictionary(q => q.Key, BestAnswer);
        return ScoringEngine.Score(Checklist, answers, Today).Overall!.Value;
    }

    private static AnswerValue BestAnswer(Question q) => q.Type switch
    {
        QuestionType.Choice => new AnswerValue { QuestionKey = q.Key, Choice = q.Options.MaxBy(o => o.Score)!.Key },
        QuestionType.Multi => new AnswerValue { QuestionKey = q.Key, Choices = [.. q.Options.Select(o => o.Key)] },
        QuestionType.Number => new AnswerValue { QuestionKey = q.Key, Number = BestNumber(q.Bands) },
        _ => new AnswerValue { QuestionKey = q.Key, Text = "x" },
    };

    private static double BestNumber(IReadOnlyList<NumberBand> bands)
    {
        var best = bands.Select((b, i) => (Band: b, Index: i)).MaxBy(b => b.Band.Score);
        return best.Band.UpTo ?? bands[best.Index - 1].UpTo!.Value + 1;
    }

    private static string Percent(double share) =>
        Math.Round(share, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static Dictionary<string, string> PublishedShares()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "docs", "checklist-v2.md"));
        return ShareRow().Matches(doc).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["share"].Value + " %");
    }

    [GeneratedRegex(@"^\| `(?<key>[a-z0-9-]+)` \|.*\| (?<share>[0-9]+\.[0-9]) % \|$", RegexOptions.Multiline)]
    private static partial Regex ShareRow();

    private static IEnumerable<Question> Criticals => Checklist.AllQuestions.Where(q => q.Critical);

    [Fact]
    public void Each_sections_published_share_is_the_overall_score_it_alone_can_earn()
    {
        var published = PublishedShares();

        foreach (var section in Checklist.Sections)
        {
            var share = OverallWithOnly(section.Questions.Where(q => q.IsScored));
            var byFormula = 100 * section.Weight / Checklist.Sections.Sum(s => s.Weight);
            Assert.Equal(byFormula, share, 9);
            Assert.True(published.TryGetValue(section.Key, out var figure), $"docs/checklist-v2.md has no share for section {section.Key}");
            Assert.Equal(Percent(share), figure);
            Assert.Contains($"{section.Title} {Percent(share)}", Checklist.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_critical_questions_published_share_is_the_overall_score_it_alone_can_earn()
    {
        var published = PublishedShares();

        foreach (var question in Criticals)
        {
            var share = OverallWithOnly([question]);
            Assert.True(published.TryGetValue(question.Key, out var figure), $"docs/checklist-v2.md has no share for {question.Key}");
            Assert.Equal(Percent(share), figure);
            Assert.Contains($"{question.Key} {Percent(share)}", Checklist.Description, StringComparison.Ordinal);
        }
        Assert.Equal(Checklist.Sections.Count + Criticals.Count(), published.Count);
    }

    [Fact]
    public void The_knockouts_are_the_controls_whose_absence_harms_the_buyer()
    {
        Assert.Equal(
            ["buyer-eligibility", "customer-data-training-use", "data-residency-commitment", "exit-plan", "security-attestation", "security-incident-notification"],
            Criticals.Select(q => q.Key).Order(StringComparer.Ordinal));
        Assert.False(Checklist.FindQuestion("usage-anomaly-detection")!.Critical);
        Assert.True(Checklist.FindQuestion("data-residency-commitment")!.AllowNotApplicable);
    }

    [Fact]
    public void The_extraction_section_no_longer_outweighs_the_buyers_own_protection()
    {
        var extraction = OverallWithOnly(Checklist.Sections.Single(s => s.Key == "extraction-defenses").Questions);
        var rotation = OverallWithOnly([Checklist.FindQuestion("account-rotation-detection")!]);
        var residency = OverallWithOnly([Checklist.FindQuestion("data-residency-commitment")!]);

        Assert.True(extraction <= 10, $"extraction carries {extraction:0.0} %");
        Assert.True(rotation < residency);
    }

    [Fact]
    public void It_has_between_55_and_75_questions_and_every_scored_one_has_guidance_naming_evidence_and_a_reference()
    {
        var questions = Checklist.AllQuestions.ToList();
        Assert.InRange(questions.Count, 55, 75);
        foreach (var q in questions.Where(q => q.IsScored))
        {
            var sentences = Sentence().Matches(q.Guidance ?? "").Count;
            Assert.True(sentences >= 2, $"{q.Key}: guidance has {sentences} sentence(s)");
            Assert.Contains("Evidence", q.Guidance, StringComparison.Ordinal);
            Assert.NotEmpty(q.References);
        }
    }

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex Sentence();

    [Fact]
    public void Prices_discounts_and_rate_limits_feed_the_cost_projection_and_never_the_score()
    {
        string[] costRoles =
        [
            "price-input-per-mtok", "price-output-per-mtok", "price-cached-input-per-mtok", "batch-discount-percent",
            "committed-use-discount-percent", "residency-surcharge-percent", "monthly-minimum-usd", "rate-limit-tokens-per-minute",
        ];
        Assert.Equal(costRoles.Order(StringComparer.Ordinal), Checklist.AllQuestions.Where(q => q.Role is not null).Select(q => q.Role!).Order(StringComparer.Ordinal));
        foreach (var q in Checklist.AllQuestions.Where(q => q.Role is not null || q.Key.StartsWith("rate-limit-", StringComparison.Ordinal)))
            Assert.True(q.Weight == 0, $"{q.Key} has weight {q.Weight}");
        Assert.Contains(Checklist.AllQuestions, q => q.Key == "rate-limit-rpm");
        Assert.Contains(Checklist.AllQuestions, q => q.Key == "rate-limit-input-tpm");
        Assert.Contains(Checklist.AllQuestions, q => q.Key == "rate-limit-output-tpm");
    }

    [Fact]
    public void Declined_to_answer_scores_zero_and_is_a_separate_option_from_no_control()
    {
        var withDeclined = Checklist.AllQuestions.Where(q => q.Options.Any(o => o.Key == "declined")).ToList();
        Assert.True(withDeclined.Count >= 30, $"only {withDeclined.Count} questions let the vendor decline");
        foreach (var q in withDeclined)
        {
            var declined = q.Options.Single(o => o.Key == "declined");
            Assert.Equal(QuestionType.Choice, q.Type);
            Assert.Equal(0, declined.Score);
            Assert.Equal("Vendor declined to answer", declined.Label);
            Assert.Contains(q.Options, o => o.Key != "declined" && o.Score == 0);
        }
        foreach (var key in new[] { "security-attestation", "customer-data-training-use", "security-incident-notification", "exit-plan", "buyer-eligibility" })
            Assert.Contains(withDeclined, q => q.Key == key);
    }

    [Theory]
    [InlineData("frontier-ai-buyer-checklist.json")]
    [InlineData("vendor-quick-screen.json")]
    public void Every_question_is_tagged_vendor_or_model_in_the_file(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(QuestionSetFiles.SeedFolder, file)));
        foreach (var question in json.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("questions").EnumerateArray()))
        {
            Assert.True(question.TryGetProperty("level", out var level), $"{question.GetProperty("key")} has no level");
            Assert.Contains(level.GetString(), new[] { "vendor", "model" });
        }
    }

    [Theory]
    [InlineData("MITRE ATLAS AML.T0024 Exfiltration via AI Inference API", "usage-anomaly-detection")]
    [InlineData("MITRE ATLAS AML.T0034.002 Agentic Resource Consumption", "agentic-loop-controls")]
    [InlineData("NIST AI RMF GOVERN 6.1 (third-party risks, including intellectual property)", "ip-indemnity")]
    [InlineData("ISO/IEC 42001:2023 Annex A.10 (third-party and customer relationships)", "sub-processors")]
    [InlineData("OWASP LLM02:2025 Sensitive Information Disclosure", "customer-data-training-use")]
    [InlineData("OWASP LLM07:2025 System Prompt Leakage", "buyer-prompt-leakage")]
    [InlineData("OWASP LLM10:2025 Unbounded Consumption", "budget-caps")]
    [InlineData("CSA AI Controls Matrix (AICM) v1.0 and AI-CAIQ", "security-attestation")]
    [InlineData("EU AI Act (Regulation (EU) 2024/1689) Art. 54", "eu-authorised-representative")]
    public void References_are_precise(string reference, string questionKey)
    {
        Assert.Contains(reference, Checklist.FindQuestion(questionKey)!.References);
        Assert.DoesNotContain(Checklist.AllQuestions.SelectMany(q => q.References), r => r.Contains("ML Inference API", StringComparison.Ordinal));
    }

    [Fact]
    public void The_quick_screen_asks_the_eligibility_check_as_a_knockout()
    {
        var quickScreen = Parse(Path.Combine(QuestionSetFiles.SeedFolder, "vendor-quick-screen.json"));

        var eligibility = quickScreen.FindQuestion("eligibility-screen");

        Assert.NotNull(eligibility);
        Assert.True(eligibility.Critical);
        Assert.Contains(eligibility.Options, o => o.Key == "declined" && o.Score == 0);
    }
}
