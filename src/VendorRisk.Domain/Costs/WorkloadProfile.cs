namespace VendorRisk.Domain.Costs;

/// <summary>A buyer's expected usage (scoring.md §7). Immutable and always valid once built.</summary>
public sealed record WorkloadProfile
{
    public WorkloadProfile(double inputTokensPerMonth, double outputTokensPerMonth, double peak = 1, double agentic = 1)
    {
        var errors = Validate(inputTokensPerMonth, outputTokensPerMonth, peak, agentic);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.SelectMany(e => e.Value)));
        }

        InputTokensPerMonth = inputTokensPerMonth;
        OutputTokensPerMonth = outputTokensPerMonth;
        Peak = peak;
        Agentic = agentic;
    }

    public double InputTokensPerMonth { get; }
    public double OutputTokensPerMonth { get; }
    /// <summary>How much busier the busiest month is than a normal one.</summary>
    public double Peak { get; }
    /// <summary>Extra consumption of tool-using loops beyond what was planned.</summary>
    public double Agentic { get; }

    public static IReadOnlyList<NamedWorkloadProfile> Presets { get; } =
    [
        new("pilot", new WorkloadProfile(20e6, 5e6, peak: 1.5, agentic: 1)),
        new("department", new WorkloadProfile(500e6, 100e6, peak: 2, agentic: 1.5)),
        new("enterprise-agentic", new WorkloadProfile(10e9, 2e9, peak: 3, agentic: 3)),
    ];

    /// <summary>The same usage scaled by a volume factor (peak and agentic unchanged).</summary>
    public WorkloadProfile Scaled(double volumeFactor) =>
        new(InputTokensPerMonth * volumeFactor, OutputTokensPerMonth * volumeFactor, Peak, Agentic);

    /// <summary>Errors keyed by the API's inline profile fields (<c>inputTokens</c>, <c>outputTokens</c>, <c>peak</c>, <c>agentic</c>).</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(double inputTokensPerMonth, double outputTokensPerMonth, double peak, double agentic)
    {
        var errors = new Dictionary<string, string[]>();
        if (!double.IsFinite(inputTokensPerMonth) || inputTokensPerMonth < 0)
        {
            errors["inputTokens"] = ["Input tokens a month must be a finite number ≥ 0."];
        }

        if (!double.IsFinite(outputTokensPerMonth) || outputTokensPerMonth < 0)
        {
            errors["outputTokens"] = ["Output tokens a month must be a finite number ≥ 0."];
        }

        if (!double.IsFinite(peak) || peak <= 0)
        {
            errors["peak"] = ["The peak multiplier must be a finite number > 0."];
        }

        if (!double.IsFinite(agentic) || agentic <= 0)
        {
            errors["agentic"] = ["The agentic multiplier must be a finite number > 0."];
        }

        return errors;
    }
}

public sealed record NamedWorkloadProfile(string Name, WorkloadProfile Profile);
