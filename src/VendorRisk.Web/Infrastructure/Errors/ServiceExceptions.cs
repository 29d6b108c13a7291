namespace VendorRisk.Web.Infrastructure.Errors;

/// <summary>The caller's role may not do this (HTTP 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The thing asked for does not exist (HTTP 404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>
/// A write lost a race, or the workflow does not allow the step from the current status (HTTP 409).
/// <see cref="Current"/> is the current state, returned to the caller so it can choose.
/// </summary>
public sealed class ConflictException(string message, object? current = null) : Exception(message)
{
    public object? Current { get; } = current;
}

/// <summary>
/// The input was refused (HTTP 400). Keys are paths into the request (camelCase, 0-based indexes,
/// no <c>$.</c> prefix; <c>$.</c> paths for a question-set file); values are messages a user understands.
/// </summary>
public sealed class ValidationFailedException : Exception
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base(Describe(errors)) => Errors = errors;

    public ValidationFailedException(string path, string message)
        : this(new Dictionary<string, string[]> { [path] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The problems in words for people: no field names, each said once.</summary>
    public string Sentences => string.Join(" ", Errors.SelectMany(e => e.Value).Select(Sentence).Distinct(StringComparer.Ordinal));

    private static string Sentence(string message)
    {
        var text = message.Trim();
        if (text.Length == 0)
            return text;
        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text[^1] is '.' or '!' or '?' or '…' ? text : text + ".";
    }

    private const int DescribedErrors = 20;

    private static string Describe(IReadOnlyDictionary<string, string[]> errors)
    {
        var all = errors.SelectMany(e => e.Value.Select(m => string.IsNullOrEmpty(e.Key) ? m : $"{e.Key}: {m}"));
        var shown = all.Take(DescribedErrors + 1).ToList();
        if (shown.Count <= DescribedErrors)
            return string.Join("; ", shown);
        var total = errors.Sum(e => e.Value.Length);
        return string.Join("; ", shown.Take(DescribedErrors)) + $"; …and {total - DescribedErrors:N0} more";
    }
}
