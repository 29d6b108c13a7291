using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Costs;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Tests.TestSupport;
using static VendorRisk.Domain.Tests.TestSupport.QuestionSetBuilder;

namespace VendorRisk.Domain.Tests.Costs;

public class CostProjectionTests
{
    private const double Tolerance = 1e-6;

    private static readonly QuestionSetDefinition Set = new QuestionSetBuilder()
        .Section("cost", 1,
            Number("price-in", role: CostRoles.PriceInputPerMTok, allowNotApplicable: true),
            Number("price-out", role: CostRoles.PriceOutputPerMTok),
            Number("minimum", role: CostRoles.MonthlyMinimumUsd),
            Number("tpm", role: CostRoles.RateLimitTokensPerMinute))
        .Build();

    // 100M in, 20M out; peak 2 × agentic 1.5 = 3× in the busiest month.
    private static readonly WorkloadProfile Profile = new(100e6, 20e6, peak: 2, agentic: 1.5);

    private static CostEstimate Project(params AnswerValue[] answers) =>
        CostProjection.Project(Set, Answers.Of(answers), Profile);

    [Fact]
    public void Normal_peak_and_twelve_months_from_list_prices()
    {
        var estimate = Project(Answers.Number("price-in", 3), Answers.Number("price-out", 15));

        // 100 × 3 + 20 × 15 = 600; peak 3× = 1,800; 11 × 600 + 1,800 = 8,400.
        Assert.Equal(600, estimate.NormalMonthUsd!.Value, Tolerance);
        Assert.Equal(1_800, estimate.PeakMonthUsd!.Value, Tolerance);
        Assert.Equal(8_400, estimate.TwelveMonthUsd!.Value, Tolerance);
        Assert.Null(estimate.ThrottlingRisk);
    }

    [Fact]
    public void A_monthly_minimum_applies_when_usage_is_below_it()
    {
        var estimate = Project(Answers.Number("price-in", 3), Answers.Number("price-out", 15), Answers.Number("minimum", 1_000));

        Assert.Equal(1_000, estimate.NormalMonthUsd!.Value, Tolerance);
        Assert.Equal(1_800, estimate.PeakMonthUsd!.Value, Tolerance);
        Assert.Equal(12_800, estimate.TwelveMonthUsd!.Value, Tolerance);
    }

    [Theory]
    [InlineData(8_333, true)]
    [InlineData(8_334, false)]
    public void Throttling_risk_when_peak_tokens_per_minute_exceed_the_rate_limit(double tokensPerMinute, bool expected)
    {
        // Peak month: 360M tokens ÷ 43,200 minutes = 8,333.33 a minute.
        var estimate = Project(Answers.Number("price-in", 3), Answers.Number("price-out", 15), Answers.Number("tpm", tokensPerMinute));

        Assert.Equal(expected, estimate.ThrottlingRisk);
    }

    [Fact]
    public void A_missing_or_not_applicable_price_makes_the_amounts_unknown()
    {
        var missing = Project(Answers.Number("price-in", 3), Answers.Number("tpm", 1e6));
        var notApplicable = Project(Answers.NotApplicable("price-in"), Answers.Number("price-out", 15));

        Assert.Equal(new CostEstimate(null, null, null, false), missing);
        Assert.Equal(new CostEstimate(null, null, null, null), notApplicable);
    }

    [Fact]
    public void A_set_without_a_price_question_gives_unknown_amounts()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q")).Build();

        var estimate = CostProjection.Project(set, Answers.Of(), Profile);

        Assert.Null(estimate.NormalMonthUsd);
    }

    [Theory]
    [InlineData(-1, 0, 1, 1)]
    [InlineData(0, double.NaN, 1, 1)]
    [InlineData(0, 0, 0, 1)]
    [InlineData(0, 0, 1, -2)]
    public void An_invalid_profile_is_refused(double input, double output, double peak, double agentic)
    {
        Assert.NotEmpty(WorkloadProfile.Validate(input, output, peak, agentic));
        Assert.Throws<ArgumentException>(() => new WorkloadProfile(input, output, peak, agentic));
    }

    [Fact]
    public void Presets_are_named_pilot_department_and_enterprise_agentic()
    {
        Assert.Equal(["pilot", "department", "enterprise-agentic"], WorkloadProfile.Presets.Select(p => p.Name));
    }

    [Fact]
    public void The_cost_curve_finds_where_the_cheapest_vendor_changes()
    {
        // A: $1,000 minimum, cheap tokens (usage at 1× = 600). B: no minimum, dearer tokens (usage at 1× = 1,200).
        // B is cheaper until 1,200 f = 1,000, i.e. f = 5/6; A is cheaper above.
        var a = Answers.Of(Answers.Number("price-in", 3), Answers.Number("price-out", 15), Answers.Number("minimum", 1_000));
        var b = Answers.Of(Answers.Number("price-in", 6), Answers.Number("price-out", 30));
        var unknown = Answers.Of(Answers.Number("price-in", 1));

        var curve = CostCurve.Build([new(1, Set, a), new(2, Set, b), new(3, Set, unknown)], Profile, points: 5);

        Assert.Equal([0.1, Math.Sqrt(0.1), 1, Math.Sqrt(10), 10], curve.VolumeFactors, (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal(1_000, curve.Series[0].MonthlyUsd[2]!.Value, Tolerance);
        Assert.Equal(120, curve.Series[1].MonthlyUsd[0]!.Value, Tolerance);
        Assert.All(curve.Series[2].MonthlyUsd, v => Assert.Null(v));
        Assert.Equal(2, curve.CheapestChanges.Count);
        Assert.Equal((0.1, (int?)null, 2), (curve.CheapestChanges[0].VolumeFactor, curve.CheapestChanges[0].FromAssessmentId, curve.CheapestChanges[0].ToAssessmentId));
        Assert.Equal(5.0 / 6, curve.CheapestChanges[1].VolumeFactor, 1e-12);
        Assert.Equal((2, 1), (curve.CheapestChanges[1].FromAssessmentId, curve.CheapestChanges[1].ToAssessmentId));
        Assert.Equal(100e6 * 5 / 6, curve.CheapestChanges[1].InputTokensPerMonth, 1e-3);
    }
}
