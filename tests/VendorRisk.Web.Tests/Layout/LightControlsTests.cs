using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Layout;

/// <summary>The plain controls that replace MudBlazor components open tabs keep (ADR 0052): same roles, states and values.</summary>
public sealed class LightControlsTests : BunitTestBase
{
    private static readonly LightTab[] ThreeTabs =
        [new("First", Icons.Material.Outlined.Checklist, "first"), new("Second", Icons.Material.Outlined.Flag, "second"), new("Third", Icons.Material.Outlined.History, "third")];

    [Fact]
    public void The_tab_strip_is_a_tablist_with_one_selected_focusable_tab_labelling_the_panel()
    {
        var cut = Render<LightTabStrip>(p => p
            .Add(x => x.Id, "tabs").Add(x => x.Tabs, ThreeTabs).Add(x => x.ActiveIndex, 1).Add(x => x.Label, "Assessment")
            .Add(x => x.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"content\">second's content</p>"))));

        Assert.Equal("Assessment", cut.Find("[role=tablist]").GetAttribute("aria-label"));
        var tabs = cut.FindAll("[role=tab]");
        Assert.Equal(["First", "Second", "Third"], tabs.Select(t => t.TextContent.Trim()));
        Assert.Equal(["false", "true", "false"], tabs.Select(t => t.GetAttribute("aria-selected")));
        Assert.Equal(["-1", "0", "-1"], tabs.Select(t => t.GetAttribute("tabindex")));
        Assert.All(tabs, t => Assert.Equal("tabs-panel", t.GetAttribute("aria-controls")));
        var panel = cut.Find("[role=tabpanel]");
        Assert.Equal("tabs-second", panel.GetAttribute("aria-labelledby"));
        Assert.Equal("second's content", panel.QuerySelector("#content")!.TextContent);
        Assert.Contains("mud-tab-active", tabs[1].ClassList);
    }

    [Fact]
    public async Task Clicking_a_tab_asks_for_it_and_clicking_the_open_tab_asks_nothing()
    {
        var asked = new List<int>();
        var cut = Render<LightTabStrip>(p => p
            .Add(x => x.Id, "tabs").Add(x => x.Tabs, ThreeTabs).Add(x => x.ActiveIndex, 0)
            .Add(x => x.ActiveIndexChanged, (int i) => asked.Add(i)));

        await cut.InvokeAsync(() => cut.FindAll("[role=tab]")[2].Click());
        await cut.InvokeAsync(() => cut.FindAll("[role=tab]")[0].Click());

        Assert.Equal([2], asked);
    }

    [Fact]
    public async Task The_number_field_reports_numbers_and_empties_and_refuses_other_text()
    {
        var reported = new List<double?>();
        var cut = Render<LightNumberField>(p => p
            .Add(x => x.Id, "n").Add(x => x.Label, "Days").Add(x => x.Value, 3)
            .Add(x => x.ValueChanged, (double? v) => reported.Add(v)));

        Assert.Equal("3", cut.Find("#n").GetAttribute("value"));
        Assert.Equal("Days", cut.Find("label[for=n]").TextContent);

        // Key presses stay in the browser: the field listens to its change event only.
        Assert.Throws<MissingEventHandlerException>(() => cut.Find("#n").Input("2"));
        await cut.InvokeAsync(() => cut.Find("#n").Change("2.5"));
        await cut.InvokeAsync(() => cut.Find("#n").Change("2,5x"));
        Assert.Equal("true", cut.Find("#n").GetAttribute("aria-invalid"));
        Assert.Contains("Not a number", cut.Find("#n-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("n-error", cut.Find("#n").GetAttribute("aria-describedby"));
        await cut.InvokeAsync(() => cut.Find("#n").Change(""));

        Assert.Equal([2.5, null], reported);
        Assert.Equal("false", cut.Find("#n").GetAttribute("aria-invalid"));
        Assert.Empty(cut.FindAll("#n-error"));
    }

    [Fact]
    public async Task The_number_field_keeps_what_is_typed_until_a_new_value_comes_from_outside()
    {
        double? value = 1;
        var cut = Render<LightNumberField>(p => p.Add(x => x.Id, "n").Add(x => x.Label, "Value").Add(x => x.Value, value));

        await cut.InvokeAsync(() => cut.Find("#n").Change("2."));
        Assert.Equal("2.", cut.Find("#n").GetAttribute("value"));

        cut.Render(p => p.Add(x => x.Value, 7.25));
        Assert.Equal("7.25", cut.Find("#n").GetAttribute("value"));
    }

    [Fact]
    public async Task The_select_offers_its_options_reports_a_choice_and_ignores_a_value_it_never_offered()
    {
        var reported = new List<string>();
        var cut = Render<LightSelect>(p => p
            .Add(x => x.Id, "s").Add(x => x.Label, "Question set").Add(x => x.Value, "b")
            .Add(x => x.Options, [new LightOption("a", "Alpha"), new LightOption("b", "Beta")])
            .Add(x => x.ValueChanged, (string v) => reported.Add(v)));

        Assert.Equal(["Alpha", "Beta"], cut.FindAll("select#s option").Select(o => o.TextContent));
        Assert.Equal("Question set", cut.Find("label[for=s]").TextContent);
        Assert.Contains("mud-shrink", cut.Find(".mud-input").ClassList);

        await cut.Find("#s").ChangeAsync(new ChangeEventArgs { Value = "a" });
        await cut.Find("#s").ChangeAsync(new ChangeEventArgs { Value = "forged" });

        Assert.Equal(["a"], reported);
    }

    [Fact]
    public void An_empty_select_shows_its_label_in_the_field_and_its_helper_text()
    {
        var cut = Render<LightSelect>(p => p
            .Add(x => x.Id, "w").Add(x => x.Label, "Load a saved weighting").Add(x => x.Options, []).Add(x => x.Disabled, true)
            .Add(x => x.HelperText, "No saved weightings yet."));

        Assert.DoesNotContain("mud-shrink", cut.Find(".mud-input").ClassList);
        Assert.True(cut.Find("#w").HasAttribute("disabled"));
        Assert.Equal("w-helper", cut.Find("#w").GetAttribute("aria-describedby"));
        Assert.Equal("No saved weightings yet.", cut.Find("#w-helper").TextContent);
    }

    [Fact]
    public async Task The_text_field_reports_every_keystroke_and_cuts_a_forged_value_to_its_maximum_length()
    {
        var reported = new List<string?>();
        var cut = Render<LightTextField>(p => p
            .Add(x => x.Id, "t").Add(x => x.Label, "Save weighting as…").Add(x => x.MaxLength, 5)
            .Add(x => x.ValueChanged, (string? v) => reported.Add(v)));

        Assert.Equal("5", cut.Find("#t").GetAttribute("maxlength"));
        await cut.InvokeAsync(() => cut.Find("#t").Input("Ris"));
        await cut.InvokeAsync(() => cut.Find("#t").Input("Risk first"));

        Assert.Equal(["Ris", "Risk "], reported);
    }

    [Fact]
    public async Task The_switch_is_a_checkbox_with_the_switch_role_that_reports_its_state()
    {
        var reported = new List<bool>();
        var cut = Render<LightSwitch>(p => p
            .Add(x => x.Id, "sw").Add(x => x.Label, "Only critical").Add(x => x.ValueChanged, (bool v) => reported.Add(v)));

        var box = cut.Find("#sw input[type=checkbox][role=switch]");
        Assert.Equal("false", box.GetAttribute("aria-checked"));
        Assert.Equal("Only critical", cut.Find("#sw .mud-typography").TextContent);

        await cut.Find("#sw input").ChangeAsync(new ChangeEventArgs { Value = true });

        Assert.Equal([true], reported);
        Assert.Equal("true", cut.Find("#sw input").GetAttribute("aria-checked"));
        Assert.Contains("mud-checked", cut.Find("#sw .mud-switch-base").ClassList);
    }

    [Fact]
    public void The_alert_has_mud_alerts_role_classes_and_message()
    {
        var cut = Render(LightAlert.Render("a", Severity.Warning, "Check <this>", "mb-3", outlined: true, dense: true));

        var alert = cut.Find("#a");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Equal(["mud-alert", "mud-alert-outlined-warning", "mud-dense", "mud-elevation-0", "mb-3"], alert.ClassList);
        Assert.Equal("Check <this>", alert.QuerySelector(".mud-alert-message")!.TextContent);
        Assert.NotNull(alert.QuerySelector(".mud-alert-icon svg"));
    }

    [Fact]
    public async Task Static_html_is_the_components_markup_with_text_encoded_and_no_events()
    {
        var html = await StaticHtml.RenderAsync<LightTextField>(Services, new Dictionary<string, object?>
        {
            [nameof(LightTextField.Id)] = "t", [nameof(LightTextField.Label)] = "<b>Name</b>", [nameof(LightTextField.Value)] = "a & b",
        });

        Assert.Contains("<legend>&lt;b&gt;Name&lt;/b&gt;</legend>", html.Value, StringComparison.Ordinal);
        Assert.Contains("value=\"a &amp; b\"", html.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor:", html.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_and_rating_chips_render_the_same_markup_inline_as_as_components()
    {
        var component = Render<StatusChip>(p => p.Add(x => x.Status, VendorRisk.Domain.Assessments.AssessmentStatus.Approved)).Markup;
        var inline = Render(StatusChip.Render(VendorRisk.Domain.Assessments.AssessmentStatus.Approved)).Markup;
        Assert.Equal(component, inline);

        var rating = Render<RatingChip>(p => p.Add(x => x.Rating, "High").Add(x => x.ColorHex, "#aa0000")).Markup;
        Assert.Equal(rating, Render(RatingChip.Render("High", "#aa0000")).Markup);
        Assert.Contains("--vr-rating:#aa0000", rating, StringComparison.Ordinal);
    }
}
