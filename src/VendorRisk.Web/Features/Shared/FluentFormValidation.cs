using FluentValidation;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// Runs a FluentValidation validator for a MudForm field (MudBlazor's FluentValidation pattern):
/// the whole request is validated, and the messages whose camelCase path starts with the field's
/// property name are shown on that field.
/// </summary>
public static class FluentFormValidation
{
    public static async Task<IEnumerable<string>> ValidateFieldAsync<T>(
        IValidator<T> validator, T request, string propertyName, Action<ValidationContext<T>>? configure = null)
    {
        var context = new ValidationContext<T>(request);
        configure?.Invoke(context);
        var result = await validator.ValidateAsync(context);
        var path = ToCamel(propertyName);
        return result.Errors
            .Where(e => e.PropertyName == path || e.PropertyName.StartsWith(path + "[", StringComparison.Ordinal))
            .Select(e => e.ErrorMessage)
            .Distinct()
            .ToList();
    }

    public static string ToCamel(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
