using VendorRisk.Domain.Assessments;

namespace VendorRisk.Domain.Tests.Assessments;

public sealed class AnswerNormalizationTests
{
    [Fact]
    public void Not_applicable_keeps_only_its_trimmed_justification_with_note_and_evidence()
    {
        var value = new AnswerValue
        {
            QuestionKey = "tpm", NotApplicable = true, Choice = "x", Number = 3, Text = "t", Choices = ["a"],
            Justification = "  Batch only.  ", Note = "n", Evidence = new Evidence("doc", EvidenceSource.Contract, null),
        };

        var normalized = AnswerNormalization.Normalize(value);

        Assert.Equal(new AnswerValue { QuestionKey = "tpm", NotApplicable = true, Justification = "Batch only.", Note = "n", Evidence = value.Evidence },
            normalized with { Choices = null });
        Assert.Null(normalized.Choices);
    }

    [Fact]
    public void An_answer_drops_a_justification_a_blank_note_and_empty_evidence_but_keeps_its_spaces()
    {
        var normalized = AnswerNormalization.Normalize(new AnswerValue
        {
            QuestionKey = "notes", Text = "  kept as typed  ", Justification = "stray", Note = "   ", Evidence = new Evidence("", null, null),
        });

        Assert.Equal(new AnswerValue { QuestionKey = "notes", Text = "  kept as typed  " }, normalized);
    }

    [Fact]
    public void The_same_answer_is_recognised_field_by_field_and_choices_null_is_not_none_chosen()
    {
        var a = new AnswerValue { QuestionKey = "q", Choices = ["a", "b"], Note = "n" };
        Assert.True(AnswerNormalization.SameAnswer(a, a with { Choices = ["a", "b"] }));
        Assert.False(AnswerNormalization.SameAnswer(a, a with { Choices = ["b", "a"] }));
        Assert.False(AnswerNormalization.SameAnswer(a with { Choices = null }, a with { Choices = [] }));
        Assert.False(AnswerNormalization.SameAnswer(a, a with { Note = "n " }));
        Assert.False(AnswerNormalization.SameAnswer(a, a with { Evidence = new Evidence(null, EvidenceSource.Contract, null) }));
    }
}
