namespace VendorRisk.Web.Tests.Infrastructure;

/// <summary>The repository's root folder (the one holding VendorRisk.sln), found above the test output.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VendorRisk.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Repository root (VendorRisk.sln) not found above the test output.");
    }
}
