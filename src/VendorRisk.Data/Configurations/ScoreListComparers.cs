using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace VendorRisk.Data.Configurations;

/// <summary>
/// Plain comparers for the stored score's two lists. EF Core's own for a primitive collection is an expression with a
/// nested lambda, and running it creates a delegate for that lambda on every comparison: each change detection of an
/// assessment, on every autosave.
/// </summary>
internal static class ScoreListComparers
{
    public static readonly ValueComparer<List<double?>> Sections = new(
        (a, b) => Same(a, b), list => Hash(list), list => Copy(list)!);

    public static readonly ValueComparer<List<string>> Knockouts = new(
        (a, b) => Same(a, b), list => Hash(list), list => Copy(list)!);

    private static bool Same<T>(List<T>? a, List<T>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);

    private static int Hash<T>(List<T>? list)
    {
        var hash = new HashCode();
        foreach (var item in list ?? [])
            hash.Add(item);
        return hash.ToHashCode();
    }

    private static List<T>? Copy<T>(List<T>? list) => list is null ? null : [.. list];
}
