namespace VendorRisk.Web.Infrastructure;

public static class AppArguments
{
    /// <summary>The host setting that makes the settings files reload when they change (ADR 0066).</summary>
    public const string ReloadSettingsOnChange = "hostBuilder:reloadConfigOnChange";

    /// <summary>
    /// <c>--demo</c> is a switch for people; configuration wants <c>--VendorRisk:Demo=true</c>. The settings files are
    /// read once at start unless the operator asks for reloading (ADR 0066).
    /// </summary>
    public static string[] Normalize(string[] args) =>
        Normalize(args, Environment.GetEnvironmentVariables().Keys.Cast<string>());

    /// <param name="environmentNames">The names of the process's environment variables.</param>
    public static string[] Normalize(string[] args, IEnumerable<string> environmentNames)
    {
        var normalized = args.Select(a => a == "--demo" ? "--VendorRisk:Demo=true" : a).ToList();
        var chosenByOperator = environmentNames.Any(IsReloadSetting)
            || args.Any(a => a.Contains(ReloadSettingsOnChange, StringComparison.OrdinalIgnoreCase));
        if (!chosenByOperator)
            normalized.Add($"--{ReloadSettingsOnChange}=false");
        return [.. normalized];
    }

    /// <summary>The host reads the setting from DOTNET_ and ASPNETCORE_ variables, in any letter case.</summary>
    private static bool IsReloadSetting(string name)
    {
        var key = name.Replace("__", ":", StringComparison.Ordinal);
        return key.Equals("DOTNET_" + ReloadSettingsOnChange, StringComparison.OrdinalIgnoreCase)
            || key.Equals("ASPNETCORE_" + ReloadSettingsOnChange, StringComparison.OrdinalIgnoreCase);
    }
}
