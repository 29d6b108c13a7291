using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace VendorRisk.Data;

public sealed class PublishedVersionImmutableException(string message) : InvalidOperationException(message);

/// <summary>
/// A published or retired question-set version is frozen: assessments were answered against it.
/// Only its status (published → retired) may change. The database enforces the same with a trigger.
/// </summary>
internal static class PublishedVersionGuard
{
    private static readonly HashSet<string> MutableAfterPublish =
        [nameof(QuestionSetVersion.Status), nameof(QuestionSetVersion.RetiredAt)];

    public static void ThrowIfPublishedContentChanged(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<QuestionSetVersion>())
        {
            if (entry.State is EntityState.Deleted && OriginalStatus(entry) != VersionStatus.Draft)
                throw new PublishedVersionImmutableException($"Version {entry.Entity.Number} is {OriginalStatus(entry)} and cannot be deleted.");

            if (entry.State is not EntityState.Modified || OriginalStatus(entry) == VersionStatus.Draft)
                continue;

            var changed = entry.Properties
                .Where(p => p.IsModified && !MutableAfterPublish.Contains(p.Metadata.Name))
                .Select(p => p.Metadata.Name)
                .ToList();
            if (changed.Count > 0 || entry.Entity.Status == VersionStatus.Draft)
                throw new PublishedVersionImmutableException(
                    $"Version {entry.Entity.Number} is {OriginalStatus(entry)} and cannot be changed; edit a new draft instead.");
        }
    }

    private static VersionStatus OriginalStatus(EntityEntry<QuestionSetVersion> entry) =>
        entry.Property(v => v.Status).OriginalValue;
}
