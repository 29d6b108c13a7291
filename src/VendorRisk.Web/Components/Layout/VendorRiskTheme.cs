using MudBlazor;

namespace VendorRisk.Web.Components.Layout;

public static class VendorRiskTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#5b6472",
            AppbarBackground = "#14213d",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7aa7e8",
            Secondary = "#a7b0bd",
            AppbarBackground = "#0f1626",
            Background = "#121826",
            Surface = "#1b2233",
            DrawerBackground = "#161d2c",
            Success = "#66bb6a",
            Warning = "#ffb74d",
            Error = "#ef5350",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
