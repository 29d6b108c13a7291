namespace VendorRisk.Web.Infrastructure;

public static class AppArguments
{
    /// <summary><c>--demo</c> is a switch for people; configuration wants <c>--VendorRisk:Demo=true</c>.</summary>
    public static string[] Normalize(string[] args) =>
        args.Select(a => a == "--demo" ? "--VendorRisk:Demo=true" : a).ToArray();
}
