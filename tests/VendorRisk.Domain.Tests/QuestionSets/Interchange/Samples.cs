using System.Text.Json.Nodes;

namespace VendorRisk.Domain.Tests.QuestionSets.Interchange;

/// <summary>Fixtures: the example of question-set-format.md, verbatim, and helpers to break it.</summary>
internal static class Samples
{
    public const string FormatDocExample = """
        {
          "format": "vendorrisk.question-set/1",
          "key": "frontier-ai-buyer-checklist",
          "title": "Frontier AI vendor buyer checklist",
          "description": "Due diligence for buying access to frontier AI models.",
          "version": 3,
          "ratingBands": [
            { "label": "Low", "minScore": 80 },
            { "label": "Moderate", "minScore": 60 },
            { "label": "High", "minScore": 40 },
            { "label": "Critical", "minScore": 0 }
          ],
          "knockoutRating": "High",
          "sections": [
            {
              "key": "extraction-defenses",
              "title": "Extraction and abuse defenses",
              "description": "How the provider stops its model being harvested or abused.",
              "weight": 3,
              "questions": [
                {
                  "key": "usage-anomaly-detection",
                  "text": "Does the provider detect anomalous usage that indicates extraction, such as high-volume probing or account rotation?",
                  "guidance": "A strong answer names the signals watched and the response time.",
                  "type": "choice",
                  "weight": 2,
                  "critical": true,
                  "knockoutBelow": 0.5,
                  "allowNotApplicable": false,
                  "references": ["OWASP LLM10:2025", "MITRE ATLAS AML.T0024"],
                  "options": [
                    { "key": "none", "label": "No detection", "score": 0 },
                    { "key": "basic", "label": "Rate limits only", "score": 1 },
                    { "key": "monitored", "label": "Behavioural monitoring with human review", "score": 3 },
                    { "key": "automated", "label": "Automated detection and response, documented", "score": 4 }
                  ]
                },
                {
                  "key": "abuse-controls",
                  "text": "Which abuse controls does the API offer?",
                  "type": "multi",
                  "weight": 1,
                  "maxScore": 3,
                  "options": [
                    { "key": "org-quotas", "label": "Per-organisation quotas", "score": 1 },
                    { "key": "key-scoping", "label": "Scoped API keys", "score": 1 },
                    { "key": "ip-allowlist", "label": "IP allow-lists", "score": 1 },
                    { "key": "audit-log", "label": "Exportable audit log", "score": 1 }
                  ]
                }
              ]
            },
            {
              "key": "cost-at-scale",
              "title": "Cost at scale",
              "weight": 2,
              "questions": [
                {
                  "key": "price-input",
                  "text": "List price per 1M input tokens (USD) for the model in scope",
                  "type": "number",
                  "unit": "USD per 1M tokens",
                  "role": "price-input-per-mtok",
                  "weight": 1,
                  "bands": [
                    { "upTo": 1, "score": 4 },
                    { "upTo": 5, "score": 3 },
                    { "upTo": 15, "score": 1 },
                    { "score": 0 }
                  ]
                },
                {
                  "key": "cost-notes",
                  "text": "Anything else about pricing the buyer should know",
                  "type": "text"
                }
              ]
            }
          ]
        }
        """;

    public static JsonObject Example() => JsonNode.Parse(FormatDocExample)!.AsObject();

    public static JsonObject Section(this JsonObject root, int s) => root["sections"]![s]!.AsObject();

    public static JsonObject Question(this JsonObject root, int s, int q) =>
        root.Section(s)["questions"]![q]!.AsObject();

    public static string Repeat(char c, int count) => new(c, count);
}
