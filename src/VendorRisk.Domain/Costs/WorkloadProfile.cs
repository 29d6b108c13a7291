namespace VendorRisk.Domain.Costs;

/// <summary>The field names of a workload profile, as the API's inline profile spells them (scoring.md §8).</summary>
public static class ProfileFields
{
    public const string InputTokens = "inputTokens";
    public const string OutputTokens = "outputTokens";
    public const string Agentic = "agentic";
    public const string Peak = "peak";
    public const string MonthlyGrowth = "monthlyGrowth";
    public const string CachedInputShare = "cachedInputShare";
    public const string BatchShare = "batchShare";
    public const string ReasoningRatio = "reasoningRatio";
    public const string ActiveHours = "activeHours";
    public const string Residency = "residency";
    public const string Units = "units";

    /// <summary>In the order of the table of scoring.md §8.</summary>
    public static readonly IReadOnlyList<string> All =
        [InputTokens, OutputTokens, Agentic, Peak, MonthlyGrowth, CachedInputShare, BatchShare, ReasoningRatio, ActiveHours, Residency, Units];
}

/// <summary>A buyer's expected usage (scoring.md §8). Immutable and always valid once built.</summary>
public sealed record WorkloadProfile
{
    public const double DefaultActiveHours = 220;
    public const double MaxActiveHours = 744;
    public const double MaxReasoningRatio = 100;

    public WorkloadProfile(
        double inputTokensPerMonth,
        double outputTokensPerMonth,
        double peak = 1,
        double agentic = 1,
        double monthlyGrowth = 0,
        double cachedInputShare = 0,
        double batchShare = 0,
        double reasoningRatio = 0,
        double activeHours = DefaultActiveHours,
        bool residency = false,
        double? units = null)
    {
        var errors = Validate(inputTokensPerMonth, outputTokensPerMonth, peak, agentic, monthlyGrowth, cachedInputShare,
            batchShare, reasoningRatio, activeHours, units);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.SelectMany(e => e.Value)));
        }

        InputTokensPerMonth = inputTokensPerMonth;
        OutputTokensPerMonth = outputTokensPerMonth;
        Peak = peak;
        Agentic = agentic;
        MonthlyGrowth = monthlyGrowth;
        CachedInputShare = cachedInputShare;
        BatchShare = batchShare;
        ReasoningRatio = reasoningRatio;
        ActiveHours = activeHours;
        Residency = residency;
        Units = units;
    }

    /// <summary>Planned input tokens a month (I).</summary>
    public double InputTokensPerMonth { get; }
    /// <summary>Planned visible output tokens a month (O).</summary>
    public double OutputTokensPerMonth { get; }
    /// <summary>How much busier the busiest month is than month 12 would otherwise be (k).</summary>
    public double Peak { get; }
    /// <summary>How much more tool-using loops consume than planned, every month (a).</summary>
    public double Agentic { get; }
    /// <summary>Compound growth of volume per month (g); 0.05 is 5 %.</summary>
    public double MonthlyGrowth { get; }
    /// <summary>Share of input tokens read from the provider's prompt cache (c).</summary>
    public double CachedInputShare { get; }
    /// <summary>Share of all tokens sent through the provider's batch tier (b).</summary>
    public double BatchShare { get; }
    /// <summary>Hidden reasoning tokens, billed as output, per visible output token (r).</summary>
    public double ReasoningRatio { get; }
    /// <summary>Hours a month in which the traffic arrives (h).</summary>
    public double ActiveHours { get; }
    /// <summary>The buyer requires in-region processing: the residency surcharge applies.</summary>
    public bool Residency { get; }
    /// <summary>Units of work a month (u), for a cost per unit; null for none.</summary>
    public double? Units { get; }

    public static IReadOnlyList<NamedWorkloadProfile> Presets { get; } =
    [
        new("pilot", new WorkloadProfile(20e6, 5e6, peak: 1.5, agentic: 1.2, monthlyGrowth: 0.10, cachedInputShare: 0.3,
                reasoningRatio: 0.5, units: 2_000),
            "A team of about twenty trying one use case: 20M input and 5M visible output tokens a month for 2,000 support tickets, " +
            "tool loops 1.2× the plan, 30 % of input from the prompt cache, half a reasoning token per output token, " +
            "10 % growth a month, the busiest month 1.5×, no batch traffic, business hours (220 h a month)."),
        new("department", new WorkloadProfile(500e6, 100e6, peak: 2, agentic: 1.5, monthlyGrowth: 0.05, cachedInputShare: 0.5,
                batchShare: 0.2, reasoningRatio: 1, units: 50_000),
            "One department in production: 500M input and 100M visible output tokens a month for 50,000 documents, " +
            "tool loops 1.5× the plan, half the input cached, a fifth of the traffic batched overnight, one reasoning token per " +
            "output token, 5 % growth a month, the busiest month 2×, business hours (220 h a month)."),
        new("enterprise-agentic", new WorkloadProfile(10e9, 2e9, peak: 3, agentic: 3, monthlyGrowth: 0.03, cachedInputShare: 0.6,
                batchShare: 0.1, reasoningRatio: 2, units: 200_000),
            "Company-wide agents: 10B input and 2B visible output tokens a month for 200,000 agent runs, tool loops 3× the plan " +
            "every month, 60 % of input cached, 10 % batched, two reasoning tokens per output token, 3 % growth a month, " +
            "the busiest month 3× (quarter-end), business hours (220 h a month)."),
    ];

    /// <summary>The same usage scaled by a volume factor (every other field unchanged).</summary>
    public WorkloadProfile Scaled(double volumeFactor) =>
        new(InputTokensPerMonth * volumeFactor, OutputTokensPerMonth * volumeFactor, Peak, Agentic, MonthlyGrowth,
            CachedInputShare, BatchShare, ReasoningRatio, ActiveHours, Residency, Units);

    /// <summary>The value of a numeric field by its <see cref="ProfileFields"/> name (units: null when not given).</summary>
    public double? Get(string field) => field switch
    {
        ProfileFields.InputTokens => InputTokensPerMonth,
        ProfileFields.OutputTokens => OutputTokensPerMonth,
        ProfileFields.Agentic => Agentic,
        ProfileFields.Peak => Peak,
        ProfileFields.MonthlyGrowth => MonthlyGrowth,
        ProfileFields.CachedInputShare => CachedInputShare,
        ProfileFields.BatchShare => BatchShare,
        ProfileFields.ReasoningRatio => ReasoningRatio,
        ProfileFields.ActiveHours => ActiveHours,
        ProfileFields.Residency => Residency ? 1 : 0,
        ProfileFields.Units => Units,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a profile field."),
    };

    /// <summary>A copy with one numeric field changed; throws <see cref="ArgumentException"/> when out of range.</summary>
    public WorkloadProfile With(string field, double value) => new(
        field == ProfileFields.InputTokens ? value : InputTokensPerMonth,
        field == ProfileFields.OutputTokens ? value : OutputTokensPerMonth,
        field == ProfileFields.Peak ? value : Peak,
        field == ProfileFields.Agentic ? value : Agentic,
        field == ProfileFields.MonthlyGrowth ? value : MonthlyGrowth,
        field == ProfileFields.CachedInputShare ? value : CachedInputShare,
        field == ProfileFields.BatchShare ? value : BatchShare,
        field == ProfileFields.ReasoningRatio ? value : ReasoningRatio,
        field == ProfileFields.ActiveHours ? value : ActiveHours,
        field == ProfileFields.Residency ? value != 0 : Residency,
        field == ProfileFields.Units ? value : Units);

    /// <summary>Errors keyed by the API's inline profile field names (<see cref="ProfileFields"/>).</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(
        double inputTokensPerMonth,
        double outputTokensPerMonth,
        double peak = 1,
        double agentic = 1,
        double monthlyGrowth = 0,
        double cachedInputShare = 0,
        double batchShare = 0,
        double reasoningRatio = 0,
        double activeHours = DefaultActiveHours,
        double? units = null)
    {
        var errors = new Dictionary<string, string[]>();
        Check(ProfileFields.InputTokens, double.IsFinite(inputTokensPerMonth) && inputTokensPerMonth >= 0,
            "Input tokens a month must be a finite number ≥ 0.");
        Check(ProfileFields.OutputTokens, double.IsFinite(outputTokensPerMonth) && outputTokensPerMonth >= 0,
            "Output tokens a month must be a finite number ≥ 0.");
        Check(ProfileFields.Agentic, double.IsFinite(agentic) && agentic > 0, "The agentic multiplier must be a finite number > 0.");
        Check(ProfileFields.Peak, double.IsFinite(peak) && peak > 0, "The peak multiplier must be a finite number > 0.");
        Check(ProfileFields.MonthlyGrowth, monthlyGrowth is >= 0 and <= 1, "Monthly growth must be between 0 and 1 (0.05 is 5 %).");
        Check(ProfileFields.CachedInputShare, cachedInputShare is >= 0 and <= 1, "The cached input share must be between 0 and 1.");
        Check(ProfileFields.BatchShare, batchShare is >= 0 and <= 1, "The batch share must be between 0 and 1.");
        Check(ProfileFields.ReasoningRatio, reasoningRatio is >= 0 and <= MaxReasoningRatio,
            $"The reasoning ratio must be between 0 and {MaxReasoningRatio:0}.");
        Check(ProfileFields.ActiveHours, activeHours is >= 1 and <= MaxActiveHours,
            $"Active hours a month must be between 1 and {MaxActiveHours:0}.");
        Check(ProfileFields.Units, units is null || (double.IsFinite(units.Value) && units > 0), "Units of work a month must be a finite number > 0.");
        return errors;

        void Check(string field, bool ok, string message)
        {
            if (!ok)
            {
                errors[field] = [message];
            }
        }
    }
}

/// <param name="Assumes">For a preset: what it assumes, in words.</param>
public sealed record NamedWorkloadProfile(string Name, WorkloadProfile Profile, string? Assumes = null);
