using Bunit;
using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Compare;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Compare;

/// <summary>The assessment picker of the compare page stays a short list at an organisation's 1,000 vendors.</summary>
public sealed class CompareSelectorTests : BunitTestBase
{
    private static readonly DateTime Activity = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Vendor 001 … Vendor N, each with one approved assessment (id = vendor number) and vendor 7 with a second one (id 1007).</summary>
    private static List<CompareCandidate> Candidates(int vendors) =>
    [
        .. Enumerable.Range(1, vendors).SelectMany(n => n == 7
            ? new[] { Candidate(n, n, "annual review"), Candidate(1000 + n, n, "renewal draft", AssessmentStatus.Draft) }
            : [Candidate(n, n, "annual review")]),
    ];

    private static CompareCandidate Candidate(int id, int vendor, string title, AssessmentStatus status = AssessmentStatus.Approved) =>
        new(id, vendor, $"Vendor {vendor:000}", title, status, 2, 50 + vendor % 40, "Moderate risk", Activity);

    private (IRenderedComponent<CompareSelector> Cut, List<IReadOnlyList<int>> Applied) RenderSelector(int vendors, params int[] selected)
    {
        RenderProviders();
        var applied = new List<IReadOnlyList<int>>();
        var cut = Render<CompareSelector>(p => p
            .Add(x => x.Candidates, Candidates(vendors))
            .Add(x => x.Selected, selected)
            .Add(x => x.OnApply, ids => applied.Add(ids)));
        return (cut, applied);
    }

    private static List<string> Rows(IRenderedComponent<CompareSelector> cut) =>
        [.. cut.FindAll(".vr-selector-row").Select(r => r.GetAttribute("data-vendor")!)];

    private static void Tick(IRenderedComponent<CompareSelector> cut, string vendor, bool included) =>
        cut.Find($".vr-selector-row[data-vendor='{vendor}'] input[type=checkbox]").Change(included);

    [Fact]
    public void A_set_with_few_vendors_lists_them_all_without_a_filter()
    {
        var (cut, _) = RenderSelector(12, 3, 9);

        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"Vendor {n:000}"), Rows(cut));
        Assert.Empty(cut.FindAll("#selector-filter"));
        Assert.Empty(cut.FindAll("#selector-more"));
    }

    [Fact]
    public void When_every_vendor_is_chosen_no_filter_message_shows()
    {
        var (cut, _) = RenderSelector(3, 1, 2, 3);

        Assert.Equal(3, Rows(cut).Count);
        Assert.Empty(cut.FindAll("#selector-none"));
        Assert.Empty(cut.FindAll("#selector-more"));
    }

    [Fact]
    public void Past_fifty_vendors_the_chosen_ones_and_the_first_fifty_others_are_listed_and_the_filter_finds_the_rest()
    {
        var (cut, _) = RenderSelector(1000, 3, 700);

        var rows = Rows(cut);
        Assert.Equal(CompareSelector.MaxShown + 2, rows.Count);
        Assert.Contains("Vendor 700", rows);
        Assert.Equal("Showing 50 of 998 vendors and models besides those chosen. Type part of a name to find the others.",
            cut.Find("#selector-more").TextContent.Trim());

        cut.Find("#selector-filter").Input("vendor 99");

        Assert.Equal(["Vendor 003", "Vendor 700", .. Enumerable.Range(990, 10).Select(n => $"Vendor {n:000}")], Rows(cut));
        Assert.Empty(cut.FindAll("#selector-more"));

        cut.Find("#selector-filter").Input("Quillmoor");

        Assert.Equal(["Vendor 003", "Vendor 700"], Rows(cut));
        Assert.Equal("No other vendor or model matches “Quillmoor”.", cut.Find("#selector-none").TextContent.Trim());
    }

    [Fact]
    public void A_vendor_found_by_the_filter_and_ticked_is_compared_and_stays_listed_when_the_filter_changes()
    {
        var (cut, applied) = RenderSelector(1000, 3, 700);
        cut.Find("#selector-filter").Input("Vendor 815");
        Tick(cut, "Vendor 815", true);
        Tick(cut, "Vendor 003", false);

        cut.Find("#selector-filter").Input("Vendor 9");

        // Vendor 003, unticked, keeps its place rather than vanish under the pointer.
        Assert.Equal(["Vendor 003", "Vendor 700", "Vendor 815"], Rows(cut).Where(r => !r.StartsWith("Vendor 9", StringComparison.Ordinal)));
        cut.Find("#apply-selection").Click();
        Assert.Equal([700, 815], Assert.Single(applied));
    }

    [Fact]
    public void Choosing_another_assessment_of_a_vendor_compares_that_one_and_a_forged_id_changes_nothing()
    {
        var (cut, applied) = RenderSelector(60, 3, 7);
        var select = "#selector-assessment-7-";
        Assert.Equal(["7", "1007"], cut.FindAll($"{select} option").Select(o => o.GetAttribute("value")));
        Assert.Contains("renewal draft · Draft", cut.FindAll($"{select} option")[1].TextContent, StringComparison.Ordinal);

        cut.Find(select).Change("1007");
        cut.Find(select).Change("12");   // vendor 12's assessment, never offered in vendor 7's list

        cut.Find("#apply-selection").Click();
        Assert.Equal([3, 1007], Assert.Single(applied));
    }

    [Fact]
    public void With_ten_chosen_a_forged_change_on_another_rows_disabled_select_ticks_nothing()
    {
        var (cut, applied) = RenderSelector(12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        var select = cut.Find("#selector-assessment-11-");
        Assert.True(select.HasAttribute("disabled"));

        select.Change("11");

        cut.Find("#apply-selection").Click();
        Assert.Equal(Enumerable.Range(1, 10), Assert.Single(applied));
    }
}
