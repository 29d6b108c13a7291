namespace VendorRisk.Web.Tests.ModelOfferings;

/// <summary>A small set with every cost role (scoring.md §8) and one vendor-level and one model-level scored question.</summary>
internal static class CostSets
{
    public const string Key = "cost-card";

    public const string Json = """
        {
          "format": "vendorrisk.question-set/1",
          "key": "cost-card",
          "title": "Cost card",
          "ratingBands": [ { "label": "Low", "minScore": 60 }, { "label": "High", "minScore": 0 } ],
          "sections": [
            { "key": "company", "title": "Company", "questions": [
              { "key": "jurisdiction", "text": "Where is the company incorporated?", "type": "choice", "level": "vendor",
                "options": [ { "key": "unclear", "label": "Unclear", "score": 0 }, { "key": "clear", "label": "Clear", "score": 1 } ] },
              { "key": "contract-notes", "text": "Contract notes", "type": "text" } ] },
            { "key": "model", "title": "Model", "weight": 0, "questions": [
              { "key": "red-teaming", "text": "Was this model red-teamed?", "type": "choice", "level": "model",
                "options": [ { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes", "score": 1 } ] },
              { "key": "price-in", "text": "Input price", "type": "number", "level": "model", "weight": 0, "role": "price-input-per-mtok", "bands": [ { "score": 1 } ] },
              { "key": "price-out", "text": "Output price", "type": "number", "level": "model", "weight": 0, "role": "price-output-per-mtok", "bands": [ { "score": 1 } ] },
              { "key": "price-cached", "text": "Cached input price", "type": "number", "level": "model", "weight": 0, "role": "price-cached-input-per-mtok", "bands": [ { "score": 1 } ] },
              { "key": "batch", "text": "Batch discount", "type": "number", "level": "model", "weight": 0, "role": "batch-discount-percent", "bands": [ { "score": 1 } ] },
              { "key": "commit", "text": "Committed-use discount", "type": "number", "level": "vendor", "weight": 0, "role": "committed-use-discount-percent", "bands": [ { "score": 1 } ] },
              { "key": "residency", "text": "Residency surcharge", "type": "number", "level": "model", "weight": 0, "role": "residency-surcharge-percent", "bands": [ { "score": 1 } ] },
              { "key": "minimum", "text": "Monthly minimum", "type": "number", "level": "vendor", "weight": 0, "role": "monthly-minimum-usd", "bands": [ { "score": 1 } ] },
              { "key": "tpm", "text": "Rate limit", "type": "number", "level": "model", "weight": 0, "role": "rate-limit-tokens-per-minute", "bands": [ { "score": 1 } ] } ] }
          ]
        }
        """;

    /// <summary>The price card of the worked example of scoring.md §8 (residency surcharge and minimum left unanswered).</summary>
    public static readonly object[] WorkedExampleAnswers =
    [
        new { questionKey = "price-in", number = 2 },
        new { questionKey = "price-out", number = 8 },
        new { questionKey = "price-cached", number = 0.2 },
        new { questionKey = "batch", number = 50 },
        new { questionKey = "commit", number = 10 },
        new { questionKey = "tpm", number = 100_000 },
    ];

    public const string WorkedExampleProfile =
        "inputTokens:100000000,outputTokens:20000000,agentic:2,peak:3,monthlyGrowth:0,cachedInputShare:0.5,batchShare:0.25,reasoningRatio:1,activeHours:220,residency:false,units:10000";
}
