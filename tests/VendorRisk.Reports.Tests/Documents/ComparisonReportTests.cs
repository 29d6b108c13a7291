using VendorRisk.Reports.Documents;
using VendorRisk.Reports.Models;

namespace VendorRisk.Reports.Tests.Documents;

public sealed class ComparisonReportTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void The_ranking_lists_every_vendor_in_order(int vendorCount)
    {
        var model = SampleModels.Comparison(vendorCount);
        var pdf = new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken);
        var pages = PdfText.Pages(pdf);
        var visual = string.Join("\n", PdfText.VisualPages(pdf).Take(2));

        var first = visual[visual.IndexOf("\nRanking", StringComparison.Ordinal)..];
        var last = -1;
        foreach (var vendor in model.Vendors)
        {
            // Names may wrap in their column: their first word keeps the order.
            var at = first.IndexOf(vendor.VendorName.Split(' ')[0], StringComparison.Ordinal);
            Assert.True(at > last, $"{vendor.VendorName} missing from the ranking or out of order");
            last = at;
            Assert.Contains(ReportFormat.Score(vendor.OverallScore), first, StringComparison.Ordinal);
        }

        Assert.InRange(pages.Count, 3, 14);
    }

    [Fact]
    public void Weighting_costs_and_differences_are_printed()
    {
        var model = SampleModels.Comparison();
        var all = string.Concat(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken)));

        Assert.Contains("What-if weighting: Security first", all, StringComparison.Ordinal);
        Assert.Contains("$130,500", all, StringComparison.Ordinal);
        Assert.Contains("unknown", all, StringComparison.Ordinal);
        Assert.Contains("Where the answers differ", all, StringComparison.Ordinal);
        var squeezed = PdfText.Squeeze(all);
        Assert.All(model.Differences.SelectMany(d => d.Questions), q => Assert.Contains(PdfText.Squeeze(q.QuestionText), squeezed, StringComparison.Ordinal));
    }

    [Fact]
    public void Knockouts_in_the_ranking_are_named_by_short_text_with_their_key()
    {
        var model = SampleModels.Comparison();
        var knockedOut = model.Vendors.Where(v => v.Knockouts.Count > 0).ToList();
        var first = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken))[0]);

        var knockout = knockedOut[0].Knockouts[0];
        Assert.True(first.Split(PdfText.Squeeze(knockout.QuestionText + knockout.QuestionKey)).Length - 1 >= knockedOut.Count, "each knocked-out vendor names the control and its key");
    }

    [Fact]
    public void The_first_page_recommends_the_best_approved_vendor_says_why_and_what_would_change_it()
    {
        var model = SampleModels.Comparison();
        var first = PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken))[0];
        var squeezed = PdfText.Squeeze(first);

        // Aurora ranks first but is a draft; Helix is the best approved vendor without knockouts.
        Assert.Contains(PdfText.Squeeze("DECISION MEMO"), squeezed, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("Recommendation: Helix Intelligence"), squeezed, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("It ranks second of the 5 compared, with 77.8 of 100"), squeezed, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("What would change the ranking: " + model.RankStability!.TrimEnd('.')), squeezed, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("Not every compared assessment is approved."), squeezed, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("Aurora Frontier Labs: draft"), squeezed, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("Quanta Reasoning: rejected"), squeezed, StringComparison.Ordinal);
        Assert.DoesNotContain(ComparisonReport.VolumeChartTitle, first, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("Aurora Frontier Labs version 3 Draft"), squeezed, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_models_of_one_vendor_count_as_two_offerings_from_one_vendor_and_the_gap_is_that_of_the_printed_scores()
    {
        var sample = SampleModels.Comparison(3);
        var model = sample with
        {
            Vendors =
            [
                sample.Vendors[1] with { VendorName = "Northwind · Atlas 3", VendorId = 7, OverallScore = 93.74 },
                sample.Vendors[2] with { VendorName = "Northwind · Atlas 3 Mini", VendorId = 7, OverallScore = 92.06, IsApproved = true },
                sample.Vendors[0] with { VendorId = 9, OverallScore = 40 },
            ],
        };

        var first = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken))[0]);

        Assert.Contains(PdfText.Squeeze("3 offerings from 2 vendors · question set"), first, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("It ranks first of the 3 compared, with 93.7 of 100"), first, StringComparison.Ordinal);
        // 93.7 and 92.1 as printed: 1.6 apart (unrounded, 1.68 would print 1.7).
        Assert.Contains(PdfText.Squeeze("The next, Northwind · Atlas 3 Mini, scores 1.6 points less."), first, StringComparison.Ordinal);
        Assert.Equal("3 vendors", ComparisonMemo.WhatIsCompared(sample.Vendors));
    }

    [Fact]
    public void A_vendor_ranked_above_the_choice_with_the_same_printed_score_still_says_why_it_is_not_chosen()
    {
        var sample = SampleModels.Comparison(2);
        // Aurora (a draft) ranks first at 77.84; Helix, approved, is chosen at 77.81: both print 77.8.
        var model = sample with { Vendors = [sample.Vendors[0] with { OverallScore = 77.84 }, sample.Vendors[1] with { OverallScore = 77.81 }] };

        var first = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken))[0]);

        Assert.Contains(PdfText.Squeeze("Aurora Frontier Labs scores as much (77.8) but is draft, not approved."), first, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_workload_profile_the_recommendation_says_what_the_choice_and_the_next_cost_over_twelve_months()
    {
        var model = SampleModels.Comparison();
        var chosen = ComparisonMemo.Recommended(model)!;
        var next = model.Vendors.First(v => v != chosen);
        string Twelve(ComparedVendorModel v) => ReportFormat.Usd(model.CostProjection!.Rows.Single(r => r.VendorName == v.VendorName).TwelveMonthsUsd);

        var first = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken))[0]);
        var without = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model with { CostProjection = null, CostCurve = null }, TestContext.Current.CancellationToken))[0]);

        Assert.Contains(PdfText.Squeeze($"On the “Support drafting, EU” workload it costs {Twelve(chosen)} over twelve months; {next.VendorName}, {Twelve(next)}."), first, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfText.Squeeze("over twelve months"), without, StringComparison.Ordinal);
    }

    [Fact]
    public void A_knockout_whose_risk_is_accepted_is_marked_so_and_is_not_a_rating_cap_to_lift()
    {
        var model = SampleModels.Comparison();
        Assert.Equal(2, model.Vendors.Count(v => v.Knockouts.Count > 0));
        var accepted = model.Vendors[3];
        var capped = model.Vendors[4];
        model = model with { Vendors = [.. model.Vendors.Select(v => v == accepted ? v with { AcceptedKnockouts = [new KnockoutAcceptanceNote("data-1", "Rita Reviewer", new DateOnly(2025, 12, 31))] } : v)] };
        var pages = PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken));
        var first = PdfText.Squeeze(pages[0]);

        Assert.Contains(PdfText.Squeeze($"Fixing the knockouts of {capped.VendorName} would lift its rating cap."), first, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfText.Squeeze(accepted.VendorName + ","), first[first.IndexOf(PdfText.Squeeze("Fixing the knockouts"), StringComparison.Ordinal)..], StringComparison.Ordinal);
        var ranking = PdfText.Squeeze(string.Concat(pages.Take(2)));
        Assert.Equal(1, CountOf(ranking, PdfText.Squeeze("data-1 (risk accepted by Rita Reviewer until 2025-12-31)")));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    [Fact]
    public void Without_an_approved_assessment_nothing_is_recommended()
    {
        var model = SampleModels.Comparison(3);
        model = model with { Vendors = [.. model.Vendors.Select(v => v with { IsApproved = false, Status = "Submitted" })] };
        var first = PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken))[0];

        Assert.Contains(PdfText.Squeeze("Recommendation: " + "No vendor can be recommended yet"), PdfText.Squeeze(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_weighting_is_not_named()
    {
        var model = SampleModels.Comparison() with { Weighting = null, CostProjection = null };
        var all = string.Concat(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken)));

        Assert.DoesNotContain("What-if weighting:", all, StringComparison.Ordinal);
        Assert.DoesNotContain("12 months", all, StringComparison.Ordinal);
        Assert.Contains("default section weights", all, StringComparison.Ordinal);
    }
}
