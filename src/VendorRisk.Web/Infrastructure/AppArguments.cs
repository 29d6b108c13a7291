namespace VendorRisk.Web.Infrastructure;

public static class AppArguments
{
    /// <summary>The host setting that makes the settings files reload when they change (ADR 0066).</summary>
    public const string ReloadSettingsOnChange = "hostBuilder:reloadConfigOnChange";

    /// <summary>
    /// <c>--demo</c> is a switch for people; configuration wants <c>--VendorRisk:Demo=true</c>. The settings files are
    /// read once at start unless the operator asks for reloading (ADR 0066).
    /// </summary>
    public static string[] Normalize(string[] args) => Normalize(args, Environment.GetEnvironmentVariable);

    public static string[] Normalize(string[] args, Func<string, string?> environment)
    {
        var normalized = args.Select(a => a == "--demo" ? "--VendorRisk:Demo=true" : a).ToList();
        var chosenByOperator = environment("DOTNET_" + ReloadSettingsOnChange.Replace(":", "__", StringComparison.Ordinal)) is not null
            || args.Any(a => a.Contains(ReloadSettingsOnChange, StringComparison.OrdinalIgnoreCase));
        if (!chosenByOperator)
            normalized.Add($"--{ReloadSettingsOnChange}=false");
        return [.. normalized];
    }
}
