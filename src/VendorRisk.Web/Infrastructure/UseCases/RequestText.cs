using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace VendorRisk.Web.Infrastructure.UseCases;

/// <summary>
/// The text rule every request shares, checked by the pipeline before its validators: no string anywhere in a request
/// holds a control character (<see cref="TextRules.HasControlCharacters"/>). A forged form value reaches a service as
/// easily as an API body reaches the API, and SQLite would store such a text cut short at a NUL.
/// </summary>
public static class RequestText
{
    private const int MaxDepth = 8;
    /// <summary>Each type's properties with their camelCase names (null: the owner's path), read once.</summary>
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string? Name)[]> Properties = new();
    private static readonly ConcurrentDictionary<Type, bool> ListsOfText = new();

    /// <summary>The camelCase path of the first string holding a control character, or null.</summary>
    /// <remarks>Every save of the wizard passes here: the paths are only spelled out for a request that has such a string.</remarks>
    public static string? FindControlCharacters(object request) =>
        Find(request, spell: false, "", 0) is null ? null : Find(request, spell: true, "", 0);

    /// <param name="spell">Whether to spell out the paths of items and properties; while only looking, each is "".</param>
    private static string? Find(object? value, bool spell, string path, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return TextRules.HasControlCharacters(text) ? path : null;
            case IEnumerable items when depth < MaxDepth && value is not IDictionary && MayHoldText(value.GetType()):
                var index = 0;
                foreach (var item in items)
                {
                    if (Find(item, spell, spell ? $"{path}[{index}]" : path, depth + 1) is { } inItem)
                        return inItem;
                    index++;
                }
                return null;
        }
        var type = value.GetType();
        if (depth >= MaxDepth || !IsRequestShape(type))
            return null;
        foreach (var (property, name) in Properties.GetOrAdd(type, ReadableProperties))
        {
            var propertyPath = name is null || !spell ? path : path.Length == 0 ? name : $"{path}.{name}";
            if (Find(property.GetValue(value), spell, propertyPath, depth + 1) is { } inProperty)
                return inProperty;
        }
        return null;
    }

    private static bool IsRequestShape(Type type) =>
        type is { IsPrimitive: false, IsEnum: false } && !typeof(Attribute).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("VendorRisk.", StringComparison.Ordinal) == true;

    /// <summary>A list of strings or of request parts; never a file's bytes or a list of ids, walked item by item for nothing.</summary>
    private static bool MayHoldText(Type listType) => ListsOfText.GetOrAdd(listType, type =>
        type.GetInterfaces().Append(type)
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .Any(item => item == typeof(string) || item == typeof(object) || IsRequestShape(item)));

    private static (PropertyInfo, string?)[] ReadableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !p.IsDefined(typeof(NotRequestTextAttribute)))
            // A number, a date or a flag holds no text, and reading it would box it on every request.
            .Where(p => !p.PropertyType.IsValueType || IsRequestShape(p.PropertyType))
            .Select(p => (p, p.IsDefined(typeof(PathOfItsOwnerAttribute)) ? null : Features.Shared.FluentFormValidation.ToCamel(p.Name)))
            .ToArray();
}

/// <summary>
/// A wrapper's value whose request path is its owner's, as in the API body: <c>answers[0].note</c>, not
/// <c>answers[0].value.note</c>; <c>description</c>, not <c>description.value</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PathOfItsOwnerAttribute : Attribute;

/// <summary>A property the request-wide text rule skips: a value that is not a person's text (a file's bytes read as text).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotRequestTextAttribute : Attribute;
