namespace VendorRisk.Domain.QuestionSets.Interchange;

/// <summary>Converts FluentValidation property chains to the JSON paths of the format.</summary>
public static class FormatPath
{
    /// <summary><c>Sections[0].Questions[1].Text</c> → <c>$.sections[0].questions[1].text</c>.</summary>
    public static string FromPropertyChain(string? propertyChain)
    {
        if (string.IsNullOrEmpty(propertyChain))
            return "$";
        if (propertyChain.StartsWith('$'))
            return propertyChain;
        var segments = propertyChain.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]);
        return "$." + string.Join('.', segments);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public static bool IsWithin(string path, string ancestor) =>
        path == ancestor
        || ancestor == "$"
        || (path.StartsWith(ancestor, StringComparison.Ordinal) && path[ancestor.Length] is '.' or '[');
}
