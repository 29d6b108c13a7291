using System.Collections.Concurrent;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// Parses stored question-set versions once. Published and retired versions never change, so
/// they are cached for the life of the process; a draft is re-parsed whenever it was saved again.
/// </summary>
public sealed class QuestionSetDefinitions
{
    private readonly ConcurrentDictionary<(int Id, long Stamp), QuestionSetDefinition> _cache = new();

    public QuestionSetDefinition Get(QuestionSetVersion version) =>
        Get(version.Id, version.UpdatedAt.Ticks, version.ContentJson);

    /// <summary>The parsed version when it is cached already, so a caller can skip reading its JSON.</summary>
    public QuestionSetDefinition? TryGet(int versionId, long updatedTicks) => _cache.GetValueOrDefault((versionId, updatedTicks));

    public QuestionSetDefinition Get(int versionId, long updatedTicks, string contentJson) =>
        _cache.GetOrAdd((versionId, updatedTicks), _ =>
        {
            var parsed = QuestionSetFormat.Parse(contentJson);
            return parsed.Definition ?? throw new InvalidOperationException(
                $"Stored question-set version {versionId} is not valid: {string.Join("; ", parsed.Errors)}");
        });
}
