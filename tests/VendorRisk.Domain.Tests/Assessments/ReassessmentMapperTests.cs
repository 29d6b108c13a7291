using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Tests.TestSupport;
using static VendorRisk.Domain.Tests.TestSupport.QuestionSetBuilder;

namespace VendorRisk.Domain.Tests.Assessments;

public class ReassessmentMapperTests
{
    [Fact]
    public void Answers_are_matched_by_key_and_new_changed_and_dropped_are_reported()
    {
        var oldSet = new QuestionSetBuilder()
            .Section("s", 1,
                Choice("same"),
                Choice("reworded"),
                Choice("type-change"),
                Choice("lost-option"),
                Multi("multi-lost-one"),
                Choice("removed"),
                Choice("na-tightened", allowNotApplicable: true))
            .Build();
        var newSet = new QuestionSetBuilder()
            .Section("s", 1,
                Choice("same"),
                Choice("reworded") with { Text = "Reworded text" },
                Number("type-change"),
                Choice("lost-option", options: [("none", 0), ("full", 4)]),
                Multi("multi-lost-one", options: [("a", 1), ("b", 1)]),
                Choice("na-tightened"),
                Choice("brand-new"))
            .Build();
        var oldAnswers = Answers.Of(
            Answers.Choice("same", "good", new Evidence("SOC 2", EvidenceSource.IndependentTest, new DateOnly(2025, 1, 1))),
            Answers.Choice("reworded", "full"),
            Answers.Choice("type-change", "full"),
            Answers.Choice("lost-option", "good"),
            Answers.Choices("multi-lost-one", "a", "c"),
            Answers.Choice("removed", "full"),
            Answers.NotApplicable("na-tightened"));

        var mapping = ReassessmentMapper.Map(oldSet, oldAnswers, newSet);

        Assert.Equal(["reworded", "same"], mapping.KeptAnswers.Keys.Order());
        Assert.Equal(oldAnswers["same"], mapping.KeptAnswers["same"]);
        Assert.Equal(["brand-new"], mapping.NewQuestionKeys);
        Assert.Equal(["reworded", "type-change", "lost-option", "multi-lost-one", "na-tightened"], mapping.ChangedQuestionKeys);
        Assert.Equal(
            [
                ("type-change", DroppedAnswerReason.TypeChanged),
                ("lost-option", DroppedAnswerReason.OptionRemoved),
                ("multi-lost-one", DroppedAnswerReason.OptionRemoved),
                ("removed", DroppedAnswerReason.QuestionRemoved),
                ("na-tightened", DroppedAnswerReason.NotApplicableNoLongerAllowed),
            ],
            mapping.DroppedAnswers.Select(d => (d.QuestionKey, d.Reason)));
    }

    [Fact]
    public void A_question_moved_to_another_section_counts_as_changed_and_keeps_its_answer()
    {
        var oldSet = new QuestionSetBuilder().Section("a", 1, Choice("q")).Section("b", 1, Choice("other")).Build();
        var newSet = new QuestionSetBuilder().Section("a", 1, Choice("other")).Section("b", 1, Choice("q")).Build();

        var mapping = ReassessmentMapper.Map(oldSet, Answers.Of(Answers.Choice("q", "full")), newSet);

        Assert.Equal(["other", "q"], mapping.ChangedQuestionKeys);
        Assert.True(mapping.KeptAnswers.ContainsKey("q"));
    }

    [Fact]
    public void An_identical_set_keeps_everything_and_reports_nothing()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q1"), Multi("q2"), Number("q3"), Text("q4")).Build();
        var sameContent = new QuestionSetBuilder().Section("s", 1, Choice("q1"), Multi("q2"), Number("q3"), Text("q4")).Build();
        var answers = Answers.Of(Answers.Choice("q1", "good"), Answers.Choices("q2"), Answers.Number("q3", 2), Answers.Text("q4", "x"));

        var mapping = ReassessmentMapper.Map(set, answers, sameContent);

        Assert.Equal(4, mapping.KeptAnswers.Count);
        Assert.Empty(mapping.NewQuestionKeys);
        Assert.Empty(mapping.ChangedQuestionKeys);
        Assert.Empty(mapping.DroppedAnswers);
    }
}
