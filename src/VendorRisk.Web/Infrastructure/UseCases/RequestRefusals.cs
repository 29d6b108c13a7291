namespace VendorRisk.Web.Infrastructure.UseCases;

/// <summary>
/// Refusals a handler finds while it loads what a request names (a vendor that does not exist, a version that is not
/// published), gathered so the caller hears of all of them at once, keyed by request path.
/// </summary>
public sealed class RequestRefusals
{
    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

    public bool Any => _byPath.Count > 0;

    /// <summary>The one refusal a handler or a query found, as the 400 the pages and the API show.</summary>
    public static ValidationFailedException One(string path, string message) => new(path, message);

    /// <summary>Refusals already keyed by path (a parser's, or another service's re-keyed for this caller).</summary>
    public static ValidationFailedException Of(IReadOnlyDictionary<string, string[]> byPath) => new(byPath);

    public void Add(string path, string message)
    {
        if (!_byPath.TryGetValue(path, out var messages))
            _byPath[path] = messages = [];
        messages.Add(message);
    }

    public void ThrowIfAny()
    {
        if (Any)
            throw new ValidationFailedException(_byPath.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
