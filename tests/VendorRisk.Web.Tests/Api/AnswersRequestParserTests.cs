using System.Text.Json;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Api;

namespace VendorRisk.Web.Tests.Api;

public sealed class AnswersRequestParserTests
{
    private static IReadOnlyList<ParsedAnswer> Parse(string json) => AnswersRequestParser.Parse(JsonDocument.Parse(json).RootElement);

    private static IReadOnlyCollection<string> ErrorsOf(string json) =>
        Assert.Throws<ValidationFailedException>(() => Parse(json)).Errors.Keys.ToList();

    [Fact]
    public void Every_answer_shape_of_the_contract_is_read()
    {
        var parsed = Parse("""
            { "answers": [
              { "questionKey": "a", "choice": "monitored" },
              { "questionKey": "b", "choices": ["org-quotas", "key-scoping"] },
              { "questionKey": "c", "number": 3.5 },
              { "questionKey": "d", "text": "Volume discounts." },
              { "questionKey": "e", "notApplicable": true, "justification": "Batch only." },
              { "questionKey": "f", "clear": true },
              { "questionKey": "g", "choice": "full", "note": "n", "expectedVersion": 2,
                "evidence": { "description": "SOC 2 report §4", "source": "independent-test", "date": "2026-06-30" } }
            ] }
            """);

        Assert.Equal(7, parsed.Count);
        Assert.Equal("monitored", parsed[0].Value.Choice);
        Assert.Equal(["org-quotas", "key-scoping"], parsed[1].Value.Choices);
        Assert.Equal(3.5, parsed[2].Value.Number);
        Assert.True(parsed[4].Value.NotApplicable);
        Assert.True(parsed[5].Clear);
        Assert.Equal(2, parsed[6].ExpectedVersion);
        Assert.Equal(new Evidence("SOC 2 report §4", EvidenceSource.IndependentTest, new DateOnly(2026, 6, 30)), parsed[6].Value.Evidence);
    }

    [Theory]
    [InlineData("""{ "questionKey": "a", "choice": 3 }""", "answers[0].choice")]
    [InlineData("""{ "questionKey": "a", "choices": "x" }""", "answers[0].choices")]
    [InlineData("""{ "questionKey": "a", "choices": ["x", 1] }""", "answers[0].choices[1]")]
    [InlineData("""{ "questionKey": "a", "number": "3" }""", "answers[0].number")]
    [InlineData("""{ "questionKey": "a", "text": false }""", "answers[0].text")]
    [InlineData("""{ "questionKey": "a", "choice": "x", "number": 1 }""", "answers[0].number")]
    [InlineData("""{ "questionKey": "a", "notApplicable": "yes" }""", "answers[0].notApplicable")]
    [InlineData("""{ "questionKey": "a", "clear": true, "choice": "x" }""", "answers[0].clear")]
    [InlineData("""{ "questionKey": "a", "choice": "x", "expectedVersion": -1 }""", "answers[0].expectedVersion")]
    [InlineData("""{ "questionKey": "a", "choice": "x", "evidence": { "source": "rumour" } }""", "answers[0].evidence.source")]
    [InlineData("""{ "questionKey": "a", "choice": "x", "evidence": { "date": "30/06/2026" } }""", "answers[0].evidence.date")]
    [InlineData("""{ "questionKey": "a", "choice": "x", "colour": "red" }""", "answers[0].colour")]
    [InlineData("""{ "choice": "x" }""", "answers[0].questionKey")]
    public void A_malformed_answer_is_refused_at_its_path(string answer, string path)
    {
        var errors = ErrorsOf($$"""{ "answers": [ { "questionKey": "ok", "choice": "fine" }, {{answer}} ] }""".Replace("answers[0]", "answers[1]"));
        Assert.Contains(path.Replace("answers[0]", "answers[1]"), errors);
    }

    [Theory]
    [InlineData("""[]""", "")]
    [InlineData("""{ }""", "answers")]
    [InlineData("""{ "answers": {} }""", "answers")]
    [InlineData("""{ "answers": [ 1 ] }""", "answers[0]")]
    public void A_body_of_the_wrong_shape_is_refused(string body, string path) =>
        Assert.Contains(path, ErrorsOf(body));
}
