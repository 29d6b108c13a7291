using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Domain.Tests.QuestionSets.Interchange;

namespace VendorRisk.Domain.Tests.QuestionSets;

public class QuestionSetDiffTests
{
    private static readonly QuestionSetDefinition Source = QuestionSetFormat.Parse(Samples.FormatDocExample).Definition!;

    [Fact]
    public void A_version_compared_with_itself_has_no_changes()
    {
        var diff = QuestionSetDiff.Compare(Source, Source with { });

        Assert.False(diff.HasChanges);
    }

    [Fact]
    public void Added_removed_and_changed_questions_are_listed_with_what_changed()
    {
        var draft = QuestionSetFormat.ToDocument(Source);
        var extraction = draft.Sections![0];
        var cost = draft.Sections[1];
        extraction.Questions![0].Weight = 3;
        extraction.Questions[0].Text = "Reworded";
        extraction.Questions[1].Options![0].Score = 2;
        cost.Questions!.RemoveAt(1);
        cost.Questions.Add(new QuestionDocument { Key = "egress-fees", Text = "Egress fees?", Type = "text" });
        var moved = extraction.Questions[1];
        extraction.Questions.RemoveAt(1);
        cost.Questions.Add(moved);

        var diff = QuestionSetDiff.Compare(Source, QuestionSetFormat.ToDefinition(draft));

        Assert.Equal(["egress-fees"], diff.Added.Select(q => q.Key));
        Assert.Equal(["cost-notes"], diff.Removed.Select(q => q.Key));
        var changed = diff.Changed.ToDictionary(c => c.Key, c => c.Changes);
        Assert.Equal(["text changed", "weight 2 → 3"], changed["usage-anomaly-detection"]);
        Assert.Equal(["moved to section cost-at-scale", "options changed"], changed["abuse-controls"]);
        Assert.Equal(2, changed.Count);
    }

    [Fact]
    public void Set_level_changes_are_described()
    {
        var draft = QuestionSetFormat.ToDocument(Source);
        draft.Title = "New title";
        draft.KnockoutRating = "Critical";
        draft.Sections!.Reverse();
        draft.Sections[0].Weight = 5;

        var diff = QuestionSetDiff.Compare(Source, QuestionSetFormat.ToDefinition(draft));

        Assert.Equal(
            ["title changed", "knockout rating High → Critical", "sections reordered", "section cost-at-scale: weight 2 → 5"],
            diff.SetChanges);
        Assert.Empty(diff.Changed);
    }
}
