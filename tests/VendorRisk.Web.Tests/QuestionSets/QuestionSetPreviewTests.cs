using Bunit;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Web.Features.QuestionSets;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.QuestionSets;

/// <summary>The preview scores play answers as the wizard shows a draft: nothing before the first answer, and only
/// answered critical questions as knockouts.</summary>
public sealed class QuestionSetPreviewTests : BunitTestBase
{
    private static QuestionSetDefinition Set => TestData.FrontierSet;

    private static IEnumerable<Question> Questions => Set.Sections.SelectMany(s => s.Questions);

    private IRenderedComponent<QuestionSetPreview> RenderPreview()
    {
        RenderProviders();
        return Render<QuestionSetPreview>(p => p.Add(x => x.Definition, Set));
    }

    private static void Choose(IRenderedComponent<QuestionSetPreview> cut, Question question, AnswerOption option)
    {
        var index = question.Options.ToList().IndexOf(option);
        cut.FindAll($"[data-question='{question.Key}'] input[type=radio]")[index].Click();
    }

    [Fact]
    public void Before_any_answer_the_preview_shows_no_score_and_no_rating()
    {
        var cut = RenderPreview();
        Assert.Equal(Web.Features.Shared.ShownScore.NotScoredText, cut.Find("#preview-overall").TextContent.Trim());
        Assert.Empty(cut.FindAll("#preview-rating"));
        Assert.Empty(cut.FindAll("#preview-capped"));
    }

    [Fact]
    public void A_good_answer_to_an_ordinary_question_is_scored_without_capping_for_unanswered_critical_questions()
    {
        var cut = RenderPreview();
        var question = Questions.First(q => q is { Type: QuestionType.Choice, Critical: false });
        Choose(cut, question, question.Options.MaxBy(o => o.Score)!);

        cut.WaitForAssertion(() => Assert.NotEqual(Web.Features.Shared.ShownScore.NotScoredText, cut.Find("#preview-overall").TextContent.Trim()));
        Assert.Single(cut.FindAll("#preview-rating"));
        Assert.Empty(cut.FindAll("#preview-capped"));
    }

    [Fact]
    public void A_failing_answer_to_a_critical_question_is_marked_as_a_knockout_and_unanswered_ones_are_not()
    {
        var cut = RenderPreview();
        var critical = Questions.First(q => q is { Type: QuestionType.Choice, Critical: true });
        Choose(cut, critical, critical.Options.MinBy(o => o.Score)!);

        cut.WaitForAssertion(() => Assert.Contains("Knockout", cut.Find($"[data-question='{critical.Key}']").TextContent));
        Assert.Single(cut.FindAll("#preview-rating"));
        var other = Questions.First(q => q is { Type: QuestionType.Choice, Critical: true } && q.Key != critical.Key);
        Assert.DoesNotContain("Knockout", cut.Find($"[data-question='{other.Key}']").TextContent);
    }

    [Fact]
    public void A_critical_answer_below_its_threshold_caps_a_better_band_and_says_from_which_band()
    {
        // Unanswered questions count as 0, so a set of two: a critical question, and a heavy one that can lift the band.
        var critical = Questions.First(q => q is { Type: QuestionType.Choice, Critical: true });
        var heavy = Questions.First(q => q is { Type: QuestionType.Choice, Critical: false }) with { Weight = 50 };
        var set = Set with { Sections = [Set.Sections[0] with { Questions = [critical, heavy] }] };
        RenderProviders();
        var cut = Render<QuestionSetPreview>(p => p.Add(x => x.Definition, set));

        Choose(cut, heavy, heavy.Options.MaxBy(o => o.Score)!);
        Choose(cut, critical, critical.Options.MinBy(o => o.Score)!);

        cut.WaitForAssertion(() => Assert.Equal(set.KnockoutRating, cut.Find("#preview-rating").TextContent.Trim()));
        var overall = double.Parse(cut.Find("#preview-overall").TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var band = set.RatingBands.OrderByDescending(b => b.MinScore).First(b => b.MinScore <= overall).Label;
        Assert.NotEqual(set.KnockoutRating, band);
        Assert.Equal($"Capped from {band}: 1 answered critical question below its knockout threshold.", cut.Find("#preview-capped").TextContent.Trim());
    }
}
