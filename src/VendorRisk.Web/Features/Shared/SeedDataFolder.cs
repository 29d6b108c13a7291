namespace VendorRisk.Web.Features.Shared;

/// <summary>Finds a folder of the repository's or the deployment's <c>seed-data</c>.</summary>
public static class SeedDataFolder
{
    /// <summary>The first <c>seed-data/<paramref name="subfolder"/></c> found walking up from each root in turn, or null.</summary>
    public static string? Find(string subfolder, params IEnumerable<string> roots)
    {
        foreach (var root in roots)
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seed-data", subfolder);
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
