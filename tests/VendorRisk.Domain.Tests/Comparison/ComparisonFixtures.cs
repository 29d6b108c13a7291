using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Tests.TestSupport;

namespace VendorRisk.Domain.Tests.Comparison;

/// <summary>Sets whose sections each hold one choice question scored 0–100, so an answer "s{n}" gives the section score n.</summary>
internal static class ComparisonFixtures
{
    public static readonly DateOnly AsOf = new(2026, 11, 25);

    public static QuestionSetDefinition ScoreSet(params (string Key, string Title, double Weight)[] sections)
    {
        var builder = new QuestionSetBuilder("compare-set");
        foreach (var (key, title, weight) in sections)
        {
            builder.Section(key, title, weight, QuestionSetBuilder.Choice($"{key}-q", options:
                [.. Enumerable.Range(0, 11).Select(n => ($"s{n * 10}", (double)(n * 10)))]));
        }

        return builder.Build();
    }

    public static ComparisonInput Vendor(int id, string name, QuestionSetDefinition set, params int[] sectionScores)
    {
        var answers = set.Sections
            .Select((section, i) => Answers.Choice($"{section.Key}-q", $"s{sectionScores[i]}"))
            .ToDictionary(a => a.QuestionKey);
        return new ComparisonInput(id, 100 + id, name, set, answers, AsOf);
    }
}
