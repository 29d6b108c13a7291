using Bunit;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Web.Features.Compare;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Compare;

/// <summary>The question-by-question table opens on one section (ADR 0043); every section stays one choice away.</summary>
public sealed class QuestionTableTests : BunitTestBase
{
    private static readonly DateOnly AsOf = new(2026, 11, 25);

    private static ComparisonResult Result()
    {
        var set = QuestionSetFormat.Parse(File.ReadAllText(CompareTestData.SeedFile("question-sets", "frontier-ai-buyer-checklist.json"))).Definition!;
        return ComparisonEngine.Compare(
        [
            new(1, 11, "Lumenfall Models", set, CompareTestData.DemoAnswers("lumenfall-models-lumen-large-4-2026").ToDictionary(a => a.QuestionKey), AsOf),
            new(2, 12, "Quillmoor AI", set, CompareTestData.DemoAnswers("quillmoor-ai-quill-2-2026").ToDictionary(a => a.QuestionKey), AsOf),
        ]);
    }

    private IRenderedComponent<QuestionTable> RenderTable(ComparisonResult result) => Render<QuestionTable>(p => p
        .Add(t => t.Rows, result.Questions)
        .Add(t => t.Sections, result.Sections)
        .Add(t => t.Vendors, [new(1, "Lumenfall Models", "2"), new(2, "Quillmoor AI", "2")]));

    [Fact]
    public void The_table_opens_on_the_first_section_only()
    {
        var result = Result();
        RenderProviders();

        var cut = RenderTable(result);

        var first = result.Sections[0].Key;
        var rows = cut.FindAll("#question-table tr[data-question]");
        Assert.Equal(result.Questions.Count(q => q.SectionKey == first), rows.Count);
        Assert.Contains($"{rows.Count} of {result.Questions.Count} questions", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_all_sections_shows_every_question()
    {
        var result = Result();
        RenderProviders();
        var cut = RenderTable(result);

        await cut.Find("select#filter-section").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "" });

        cut.WaitForAssertion(() => Assert.Equal(result.Questions.Count, cut.FindAll("#question-table tr[data-question]").Count));
    }

    [Fact]
    public async Task Only_critical_keeps_the_critical_questions_of_the_section()
    {
        var result = Result();
        RenderProviders();
        var cut = RenderTable(result);

        await cut.Find("#filter-critical input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });

        var first = result.Sections[0].Key;
        var expected = result.Questions.Where(q => q.SectionKey == first && q.Critical).Select(q => q.QuestionKey).ToList();
        Assert.NotEmpty(expected);
        cut.WaitForAssertion(() => Assert.Equal(expected, cut.FindAll("#question-table tr[data-question]").Select(r => r.GetAttribute("data-question"))));
    }
}
