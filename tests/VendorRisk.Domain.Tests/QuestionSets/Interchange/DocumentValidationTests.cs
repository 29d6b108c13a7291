using VendorRisk.Domain.QuestionSets.Interchange;
using static VendorRisk.Domain.Tests.QuestionSets.Interchange.Samples;

namespace VendorRisk.Domain.Tests.QuestionSets.Interchange;

/// <summary>Validation of a document edited in memory (the admin editor), without a file.</summary>
public class DocumentValidationTests
{
    [Fact]
    public void An_edited_document_is_validated_with_json_paths()
    {
        var document = QuestionSetFormat.Parse(FormatDocExample).Document!;
        document.Sections![1].Questions![0].Bands![1].UpTo = null;
        document.Sections[0].Questions![1].Options!.RemoveRange(1, 3);
        document.Title = "";

        var errors = QuestionSetFormat.Validate(document);

        Assert.Equal(
        [
            "$.title: title must be 1–200 characters",
            "$.sections[0].questions[1].options: a multi question needs at least 2 options",
            "$.sections[1].questions[0].bands[1].upTo: upTo is required on every band but the last",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Mapping_an_invalid_document_throws_with_its_errors()
    {
        var document = QuestionSetFormat.Parse(FormatDocExample).Document!;
        document.Key = "Not A Key";

        var error = Assert.Throws<ArgumentException>(() => QuestionSetFormat.ToDefinition(document));

        Assert.Contains("$.key: key must be lowercase kebab-case", error.Message);
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("Title", "$.title")]
    [InlineData("RatingBands[2].MinScore", "$.ratingBands[2].minScore")]
    [InlineData("Sections[0].Questions[1].References[3]", "$.sections[0].questions[1].references[3]")]
    public void Property_chains_become_json_paths(string chain, string path) =>
        Assert.Equal(path, FormatPath.FromPropertyChain(chain));
}
