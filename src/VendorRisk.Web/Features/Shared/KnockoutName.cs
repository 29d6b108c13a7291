namespace VendorRisk.Web.Features.Shared;

/// <summary>A knockout as people see it: the question's short name, with its key for a tooltip.</summary>
public sealed record KnockoutName(string Key, string Name)
{
    public static IReadOnlyList<KnockoutName> Of(QuestionSetDefinition set, IReadOnlyList<string> keys) =>
        [.. keys.Select(k => new KnockoutName(k, set.ShortName(k)))];
}
