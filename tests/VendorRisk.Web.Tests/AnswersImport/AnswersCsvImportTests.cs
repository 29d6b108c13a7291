using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Features.Assessments.Import;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Api;

namespace VendorRisk.Web.Tests.AnswersImport;

public sealed class AnswersCsvImportTests
{
    private const string Header = "Section,Question key,Question,Answer,Score (p),N/A,Justification,Note,Evidence,Source,Date";

    /// <summary>The worked example's answers, as the answers export writes them (labels, unit, "Not applicable").</summary>
    private const string Exported = Header + """

        Section A,q1,Question one,Good,0.75,,,,Docs page,public-documentation,2026-10-25
        Section A,q2,Question two,Option A; Option B; with a semicolon,0.6667,,,,,,
        Section A,q3,Question three,,,,,,,,
        Section B,q4,Question four,4 days,0.75,,,'=cheap,,,
        Section B,q5,Question five,Not applicable,,yes,Batch only.,,,,
        """;

    private static AssessmentSnapshot Snapshot()
    {
        var definition = QuestionSetFormat.Parse(WorkedExample.QuestionSetJson).Definition!;
        StoredAnswer Stored(AnswerValue value) => new(value, 1, "u", "User", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        var answers = new Dictionary<string, StoredAnswer>
        {
            ["q1"] = Stored(new AnswerValue { QuestionKey = "q1", Choice = "good", Evidence = new Evidence("Docs page", EvidenceSource.PublicDocumentation, new DateOnly(2026, 10, 25)) }),
            ["q2"] = Stored(new AnswerValue { QuestionKey = "q2", Choices = ["a", "b"] }),
            ["q4"] = Stored(new AnswerValue { QuestionKey = "q4", Number = 4, Note = "=cheap" }),
            ["q5"] = Stored(new AnswerValue { QuestionKey = "q5", NotApplicable = true, Justification = "Batch only." }),
        };
        var asOf = new DateOnly(2026, 11, 25);
        return new AssessmentSnapshot
        {
            Id = 1, VendorId = 1, VendorName = "V", Title = "T", Status = AssessmentStatus.Draft, AssessorId = "u", AssessorName = "User",
            CreatedAt = DateTime.UtcNow, Version = 1, QuestionSetVersionId = 1, QuestionSetVersionNumber = 1, QuestionSet = definition,
            Answers = answers, AsOf = asOf, Score = ScoringEngine.Score(definition, answers.ToDictionary(a => a.Key, a => a.Value.Value), asOf),
        };
    }

    private static CsvImportPreview Preview(string csv) => AnswersCsvImport.Preview(Snapshot(), new StringReader(csv));

    [Fact]
    public void A_round_trip_of_the_export_changes_nothing()
    {
        var preview = Preview(Exported);
        Assert.Empty(preview.Errors);
        Assert.Empty(preview.Changes);
        Assert.Equal(5, preview.UnchangedRows);
        Assert.False(preview.CanApply);
    }

    [Fact]
    public void Edited_rows_become_changes_with_the_version_that_was_read()
    {
        var preview = Preview(Exported
            .Replace("q1,Question one,Good", "q1,Question one,Best", StringComparison.Ordinal)
            .Replace("q3,Question three,,", "q3,Question three,Yes,", StringComparison.Ordinal));

        Assert.Empty(preview.Errors);
        Assert.Collection(preview.Changes,
            c => { Assert.Equal((2, "q1", "best", 1), (c.Row, c.QuestionKey, c.NewValue!.Choice, c.ExpectedVersion)); },
            c => { Assert.Equal((4, "q3", "yes", 0), (c.Row, c.QuestionKey, c.NewValue!.Choice, c.ExpectedVersion)); });
        Assert.True(preview.CanApply);
    }

    [Fact]
    public void An_emptied_answer_clears_the_stored_one()
    {
        var preview = Preview(Exported.Replace("Good,0.75,,,,Docs page,public-documentation,2026-10-25", ",,,,,,,", StringComparison.Ordinal));
        var change = Assert.Single(preview.Changes);
        Assert.Equal("q1", change.QuestionKey);
        Assert.Null(change.NewValue);
    }

    [Theory]
    [InlineData("q1,Question one,Excellent", 2)]
    [InlineData("q4,Question four,four days", 5)]
    [InlineData("q3,Question three,,,yes,", 4)]
    [InlineData("q5,Question five,Not applicable,,yes,,", 6)]
    [InlineData("q9,Question nine,", 7)]
    public void One_bad_row_is_named_and_the_file_cannot_be_applied(string badRow, int row)
    {
        var lines = Exported.Split('\n').ToList();
        var key = badRow.Split(',')[0];
        var index = lines.FindIndex(l => l.Split(',').ElementAtOrDefault(1) == key);
        if (index < 0)
            lines.Add("Section X," + badRow);
        else
            lines[index] = lines[index].Split(',')[0] + "," + badRow + string.Concat(Enumerable.Repeat(",", 10 - badRow.Count(c => c == ',') - 1));
        var preview = Preview(string.Join('\n', lines));

        var error = Assert.Single(preview.Errors);
        Assert.Equal(row, error.Row);
        Assert.StartsWith($"Row {row}:", error.ToString());
        Assert.False(preview.CanApply);
    }

    [Fact]
    public void A_file_without_the_export_columns_is_refused() =>
        Assert.Single(Preview("a,b\n1,2").Errors);
}
