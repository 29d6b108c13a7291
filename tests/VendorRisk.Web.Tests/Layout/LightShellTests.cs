using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using MudBlazor;
using VendorRisk.Web.Components.Layout;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Layout;

/// <summary>The shell every open tab keeps, made light (ADR 0043) without changing what it shows.</summary>
public sealed class LightShellTests : BunitTestBase
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_shared_theme_provider_writes_what_MudBlazors_own_writes(bool dark)
    {
        var stock = Render<MudThemeProvider>(p => p.Add(t => t.Theme, VendorRiskTheme.Theme).Add(t => t.IsDarkMode, dark));
        var shared = Render<SharedThemeProvider>(p => p.Add(t => t.Theme, VendorRiskTheme.Theme).Add(t => t.IsDarkMode, dark));
        var again = Render<SharedThemeProvider>(p => p.Add(t => t.Theme, VendorRiskTheme.Theme).Add(t => t.IsDarkMode, dark));

        Assert.Contains("--mud-palette-primary", shared.Markup, StringComparison.Ordinal);
        Assert.Equal(stock.Markup, shared.Markup);
        Assert.Equal(shared.Markup, again.Markup);
    }

    [Fact]
    public void Switching_the_shared_theme_provider_to_dark_changes_its_palette()
    {
        var light = Render<SharedThemeProvider>(p => p.Add(t => t.Theme, VendorRiskTheme.Theme).Add(t => t.IsDarkMode, false));
        var dark = Render<SharedThemeProvider>(p => p.Add(t => t.Theme, VendorRiskTheme.Theme).Add(t => t.IsDarkMode, true));

        Assert.NotEqual(light.Markup, dark.Markup);
    }

    [Fact]
    public void The_pages_colour_scheme_follows_the_theme_so_native_controls_are_drawn_dark_in_the_dark_theme()
    {
        Services.AddSingleton(new VendorRiskOptions());
        Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing" });
        AddAuthorization();
        JSInterop.Setup<string?>("vendorRisk.theme.get").SetResult("dark");

        var layout = Render<MainLayout>();

        layout.WaitForAssertion(() => Assert.Contains(":root { color-scheme: dark; }", layout.Markup, StringComparison.Ordinal));
        layout.Find("#theme-toggle").Click();
        Assert.Contains(":root { color-scheme: light; }", layout.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("color-scheme: dark", layout.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_navigation_marks_the_page_in_view_and_follows_navigation()
    {
        AddAuthorization().SetAuthorized("viewer").SetPolicies("Viewer");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/assessments/6");

        var cut = Render<NavMenu>();

        var active = cut.FindAll("nav a.active");
        Assert.Equal("/assessments", Assert.Single(active).GetAttribute("href"));
        Assert.Equal("page", active[0].GetAttribute("aria-current"));
        Assert.Empty(cut.FindAll("a[href='/users']"));

        navigation.NavigateTo("/");
        cut.WaitForAssertion(() => Assert.Equal("/", Assert.Single(cut.FindAll("nav a.active")).GetAttribute("href")));
    }

    [Fact]
    public void An_administrator_sees_the_administration_links()
    {
        AddAuthorization().SetAuthorized("admin").SetPolicies("Viewer", "Admin");

        var cut = Render<NavMenu>();

        Assert.Equal(["/", "/vendors", "/assessments", "/findings", "/compare", "/question-sets", "/users", "/audit", "/admin/mail"],
            cut.FindAll("nav a").Select(a => a.GetAttribute("href")));
    }
}
