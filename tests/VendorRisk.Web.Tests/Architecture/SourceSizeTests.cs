using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Architecture;

/// <summary>Files a reader can take in: no source file over 350 lines (migrations aside), no component over 250 in one file.</summary>
public sealed class SourceSizeTests
{
    private const int MaxFileLines = 350;
    private const int MaxComponentLines = 250;
    private static readonly string[] SourceExtensions = [".cs", ".razor", ".css", ".js"];

    [Fact]
    public void No_source_file_is_over_350_lines()
    {
        var tooLong = Over(MaxFileLines, SourceFiles().Where(f => !IsMigration(f) && SourceExtensions.Contains(Path.GetExtension(f))));

        Assert.True(tooLong.Count == 0, $"Over {MaxFileLines} lines (split along a real seam):{Environment.NewLine}{string.Join(Environment.NewLine, tooLong)}");
    }

    [Fact]
    public void No_component_is_over_250_lines_of_markup_and_code_in_one_file()
    {
        var tooLong = Over(MaxComponentLines, SourceFiles().Where(f => f.EndsWith(".razor", StringComparison.Ordinal)));

        Assert.True(tooLong.Count == 0, $"Components over {MaxComponentLines} lines (move the code to a .razor.cs or split the component):{Environment.NewLine}{string.Join(Environment.NewLine, tooLong)}");
    }

    [Fact]
    public void The_scan_reads_the_source_tree()
    {
        var files = SourceFiles().Select(Relative).ToList();

        Assert.Contains(Path.Combine("src", "VendorRisk.Web", "Program.cs"), files);
        Assert.Contains(files, f => f.EndsWith(".razor", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SourceFiles()
    {
        var src = Path.Combine(RepositoryFolder.Root, "src");
        return Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(src, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "lib"));
    }

    private static List<string> Over(int maxLines, IEnumerable<string> files) => files
        .Select(f => (File: f, Lines: File.ReadLines(f).Count()))
        .Where(f => f.Lines > maxLines)
        .Select(f => $"{Relative(f.File)}: {f.Lines} lines")
        .ToList();

    private static bool IsMigration(string file) => file.Split(Path.DirectorySeparatorChar).Contains("Migrations");

    private static string Relative(string file) => Path.GetRelativePath(RepositoryFolder.Root, file);
}
