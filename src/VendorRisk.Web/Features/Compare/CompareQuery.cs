using System.Globalization;
using VendorRisk.Domain.Common;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.Costs;

namespace VendorRisk.Web.Features.Compare;

/// <summary>
/// The text forms of a comparison as they travel in URLs and the API (api.md): <c>ids=1,2,3</c>,
/// <c>multipliers=sectionKey:2.5,other:0</c>, <c>profile=inputTokens:…,outputTokens:…,peak:…,agentic:…</c>.
/// Parsing refuses bad input with <see cref="ValidationFailedException"/> on the parameter's name.
/// </summary>
public static class CompareQuery
{
    public const string IdsField = ComparisonEngine.IdsField;
    public const string MultipliersField = ComparisonEngine.MultipliersField;
    public const string ProfileField = "profile";

    public static IReadOnlyList<int> ParseIds(string? text)
    {
        var ids = new List<int>();
        foreach (var part in Split(text, ','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                throw new ValidationFailedException(IdsField, $"'{Clip(part)}' is not an assessment id.");
            ids.Add(id);
        }

        return ids;
    }

    public static string FormatIds(IEnumerable<int> ids) => string.Join(",", ids);

    public static IReadOnlyDictionary<string, double> ParseMultipliers(string? text)
    {
        var multipliers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in Split(text, ','))
        {
            var colon = part.LastIndexOf(':');
            if (colon <= 0 || !double.TryParse(part[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new ValidationFailedException(MultipliersField, $"'{Clip(part)}' is not of the form sectionKey:multiplier.");
            var key = part[..colon].Trim();
            if (!multipliers.TryAdd(key, value))
                throw new ValidationFailedException(MultipliersField, $"Section '{Clip(key)}' is named more than once.");
        }

        return multipliers;
    }

    /// <summary>Only the multipliers that differ from 1, so a default weighting has an empty text.</summary>
    public static string FormatMultipliers(IReadOnlyDictionary<string, double> multipliers) =>
        string.Join(",", multipliers.Where(m => m.Value != 1).Select(m => $"{m.Key}:{m.Value.ToString("0.##", CultureInfo.InvariantCulture)}"));

    public static bool LooksInline(string text) => text.Contains(':', StringComparison.Ordinal);

    /// <summary>Parses <c>inputTokens:…,outputTokens:…,peak:…,agentic:…</c>; token counts required, peak and agentic default 1.</summary>
    public static WorkloadProfile ParseInlineProfile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        string[] known = ["inputTokens", "outputTokens", "peak", "agentic"];
        foreach (var part in Split(text, ','))
        {
            var colon = part.IndexOf(':');
            var name = colon < 0 ? part : part[..colon].Trim();
            var field = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ValidationFailedException(ProfileField,
                    $"'{Clip(name)}' is not a profile field; use inputTokens, outputTokens, peak and agentic.");
            if (colon < 0 || !double.TryParse(part[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new ValidationFailedException(ProfileField, $"{field} needs a number, as in {field}:1000000.");
            if (!values.TryAdd(field, value))
                throw new ValidationFailedException(ProfileField, $"{field} is given more than once.");
        }

        var missing = new[] { "inputTokens", "outputTokens" }.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new ValidationFailedException(ProfileField, $"An inline profile needs {string.Join(" and ", missing)}.");

        var input = values["inputTokens"];
        var output = values["outputTokens"];
        var peak = values.GetValueOrDefault("peak", 1);
        var agentic = values.GetValueOrDefault("agentic", 1);
        return Build(input, output, peak, agentic, ProfileField);
    }

    /// <summary>Token counts up to 10¹⁵ a month, multipliers up to 1,000: beyond that no figure means anything.</summary>
    public const double MaxTokensPerMonth = 1e15;
    public const double MaxSurge = 1000;

    /// <summary>A valid profile, or <see cref="ValidationFailedException"/> with every problem under <paramref name="field"/>.</summary>
    public static WorkloadProfile Build(double input, double output, double peak, double agentic, string field = ProfileField)
    {
        var messages = WorkloadProfile.Validate(input, output, peak, agentic).SelectMany(e => e.Value).ToList();
        if (input > MaxTokensPerMonth || output > MaxTokensPerMonth)
            messages.Add("Token counts a month can be at most 10¹⁵.");
        if (peak > MaxSurge || agentic > MaxSurge)
            messages.Add($"The peak and agentic multipliers can be at most {MaxSurge:0}.");
        if (messages.Count > 0)
            throw new ValidationFailedException(field, string.Join(" ", messages));
        return new WorkloadProfile(input, output, peak, agentic);
    }

    public static string FormatInlineProfile(WorkloadProfile profile) =>
        string.Create(CultureInfo.InvariantCulture,
            $"inputTokens:{profile.InputTokensPerMonth:0.##},outputTokens:{profile.OutputTokensPerMonth:0.##},peak:{profile.Peak:0.##},agentic:{profile.Agentic:0.##}");

    private static IEnumerable<string> Split(string? text, char separator) =>
        (text ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
