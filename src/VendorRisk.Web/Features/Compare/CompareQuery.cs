using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.Costs;

namespace VendorRisk.Web.Features.Compare;

/// <summary>
/// The text forms of a comparison as they travel in URLs and the API (api.md): <c>ids=1,2,3</c>,
/// <c>multipliers=sectionKey:2.5,other:0</c>, <c>profile=inputTokens:…,outputTokens:…,agentic:…,…</c>.
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
                throw RequestRefusals.One(IdsField, $"'{Clip(part)}' is not an assessment id.");
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
                throw RequestRefusals.One(MultipliersField, $"'{Clip(part)}' is not of the form sectionKey:multiplier.");
            var key = part[..colon].Trim();
            if (!multipliers.TryAdd(key, value))
                throw RequestRefusals.One(MultipliersField, $"Section '{Clip(key)}' is named more than once.");
        }

        return multipliers;
    }

    /// <summary>Only the multipliers that differ from 1, so a default weighting has an empty text.</summary>
    public static string FormatMultipliers(IReadOnlyDictionary<string, double> multipliers) =>
        string.Join(",", multipliers.Where(m => m.Value != 1).Select(m => $"{m.Key}:{m.Value.ToString("0.##", CultureInfo.InvariantCulture)}"));

    public static bool LooksInline(string text) => text.Contains(':', StringComparison.Ordinal);

    /// <summary>
    /// Parses the inline form of api.md, <c>inputTokens:…,outputTokens:…,agentic:2,…,residency:true,units:5000</c>,
    /// with the field names of scoring.md §8; token counts required, the rest default as §8 says. Every problem
    /// is reported, keyed <c>profile.&lt;field&gt;</c>.
    /// </summary>
    public static WorkloadProfile ParseInlineProfile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        bool? residency = null;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string field, string message)
        {
            var key = $"{ProfileField}.{field}";
            if (!errors.TryGetValue(key, out var list))
                errors[key] = list = [];
            list.Add(message);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in Split(text, ','))
        {
            var colon = part.IndexOf(':');
            var name = Clip(colon < 0 ? part : part[..colon].Trim());
            var field = ProfileFields.All.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                Fail(name, $"'{name}' is not a profile field; use {string.Join(", ", ProfileFields.All)}.");
                continue;
            }

            if (!seen.Add(field))
            {
                Fail(field, $"{field} is given more than once.");
                continue;
            }

            var raw = colon < 0 ? "" : part[(colon + 1)..].Trim();
            if (field == ProfileFields.Residency)
            {
                if (bool.TryParse(raw, out var flag))
                    residency = flag;
                else
                    Fail(field, "residency needs true or false.");
            }
            else if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values[field] = value;
            }
            else
            {
                Fail(field, $"{field} needs a number, as in {field}:{Example(field)}.");
            }
        }

        foreach (var required in new[] { ProfileFields.InputTokens, ProfileFields.OutputTokens })
        {
            if (!seen.Contains(required))
                Fail(required, $"An inline profile needs {required}.");
        }

        if (errors.Count == 0)
        {
            try
            {
                return Build(
                    values[ProfileFields.InputTokens], values[ProfileFields.OutputTokens],
                    values.GetValueOrDefault(ProfileFields.Peak, 1), values.GetValueOrDefault(ProfileFields.Agentic, 1),
                    values.GetValueOrDefault(ProfileFields.MonthlyGrowth, 0), values.GetValueOrDefault(ProfileFields.CachedInputShare, 0),
                    values.GetValueOrDefault(ProfileFields.BatchShare, 0), values.GetValueOrDefault(ProfileFields.ReasoningRatio, 0),
                    values.GetValueOrDefault(ProfileFields.ActiveHours, WorkloadProfile.DefaultActiveHours), residency ?? false,
                    values.TryGetValue(ProfileFields.Units, out var units) ? units : null);
            }
            catch (ValidationFailedException invalid)
            {
                throw RequestRefusals.Of(invalid.Errors.ToDictionary(e => $"{ProfileField}.{e.Key}", e => e.Value));
            }
        }

        throw RequestRefusals.Of(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static string Example(string field) => field switch
    {
        ProfileFields.InputTokens or ProfileFields.OutputTokens => "1000000",
        ProfileFields.MonthlyGrowth => "0.03",
        ProfileFields.CachedInputShare or ProfileFields.BatchShare => "0.5",
        ProfileFields.ActiveHours => "220",
        ProfileFields.Units => "5000",
        _ => "2",
    };

    /// <summary>Token counts up to 10¹⁵ a month, multipliers up to 1,000: beyond that no figure means anything.</summary>
    public const double MaxTokensPerMonth = 1e15;
    public const double MaxSurge = 1000;

    /// <summary>A valid profile, or <see cref="ValidationFailedException"/> keyed by the field names of <see cref="ProfileFields"/>.</summary>
    public static WorkloadProfile Build(double input, double output, double peak = 1, double agentic = 1, double monthlyGrowth = 0,
        double cachedInputShare = 0, double batchShare = 0, double reasoningRatio = 0, double activeHours = WorkloadProfile.DefaultActiveHours,
        bool residency = false, double? units = null)
    {
        var errors = WorkloadProfile.Validate(input, output, peak, agentic, monthlyGrowth, cachedInputShare, batchShare, reasoningRatio,
            activeHours, units).ToDictionary(e => e.Key, e => e.Value);
        if (input > MaxTokensPerMonth)
            errors.TryAdd(ProfileFields.InputTokens, ["Token counts a month can be at most 10¹⁵."]);
        if (output > MaxTokensPerMonth)
            errors.TryAdd(ProfileFields.OutputTokens, ["Token counts a month can be at most 10¹⁵."]);
        if (peak > MaxSurge)
            errors.TryAdd(ProfileFields.Peak, [$"The peak multiplier can be at most {MaxSurge:0}."]);
        if (agentic > MaxSurge)
            errors.TryAdd(ProfileFields.Agentic, [$"The agentic multiplier can be at most {MaxSurge:0}."]);
        if (units > MaxTokensPerMonth)
            errors.TryAdd(ProfileFields.Units, ["Units of work a month can be at most 10¹⁵."]);
        if (errors.Count > 0)
            throw RequestRefusals.Of(errors);
        return new WorkloadProfile(input, output, peak, agentic, monthlyGrowth, cachedInputShare, batchShare, reasoningRatio, activeHours, residency, units);
    }

    /// <summary>A valid copy of <paramref name="profile"/> (its fields checked against the API's caps too).</summary>
    public static WorkloadProfile Build(WorkloadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Build(profile.InputTokensPerMonth, profile.OutputTokensPerMonth, profile.Peak, profile.Agentic, profile.MonthlyGrowth,
            profile.CachedInputShare, profile.BatchShare, profile.ReasoningRatio, profile.ActiveHours, profile.Residency, profile.Units);
    }

    /// <summary>The inline form: the token counts always, every other field only when it differs from its default.</summary>
    public static string FormatInlineProfile(WorkloadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var parts = new List<string>
        {
            Part(ProfileFields.InputTokens, profile.InputTokensPerMonth),
            Part(ProfileFields.OutputTokens, profile.OutputTokensPerMonth),
        };
        if (profile.Agentic != 1) parts.Add(Part(ProfileFields.Agentic, profile.Agentic));
        if (profile.Peak != 1) parts.Add(Part(ProfileFields.Peak, profile.Peak));
        if (profile.MonthlyGrowth != 0) parts.Add(Part(ProfileFields.MonthlyGrowth, profile.MonthlyGrowth));
        if (profile.CachedInputShare != 0) parts.Add(Part(ProfileFields.CachedInputShare, profile.CachedInputShare));
        if (profile.BatchShare != 0) parts.Add(Part(ProfileFields.BatchShare, profile.BatchShare));
        if (profile.ReasoningRatio != 0) parts.Add(Part(ProfileFields.ReasoningRatio, profile.ReasoningRatio));
        if (profile.ActiveHours != WorkloadProfile.DefaultActiveHours) parts.Add(Part(ProfileFields.ActiveHours, profile.ActiveHours));
        if (profile.Residency) parts.Add($"{ProfileFields.Residency}:true");
        if (profile.Units is { } units) parts.Add(Part(ProfileFields.Units, units));
        return string.Join(",", parts);

        static string Part(string field, double value) => field + ":" + value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static IEnumerable<string> Split(string? text, char separator) =>
        (text ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
