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
            // Darker than MudBlazor's defaults so white text on them and their text on white reach 4.5:1.
            Info = "#1565c0",
            Warning = "#9a5b00",
            Error = "#c62828",
            TextSecondary = "#4a5361",
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
            Info = "#64b5f6",
            Warning = "#ffb74d",
            Error = "#ef5350",
            // Light colours on a dark page take dark text: white on them would fall below 4.5:1.
            PrimaryContrastText = "#0b1220",
            SuccessContrastText = "#0b1220",
            InfoContrastText = "#0b1220",
            WarningContrastText = "#0b1220",
            ErrorContrastText = "#0b1220",
            TextSecondary = "#b8c0cc",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
