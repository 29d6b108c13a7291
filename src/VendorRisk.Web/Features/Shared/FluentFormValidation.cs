using FluentValidation;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// Runs a FluentValidation validator for a MudForm field (MudBlazor's FluentValidation pattern):
/// the whole request is validated, and the messages whose camelCase path is the field's property
/// or one of its items or members are shown on that field.
/// </summary>
public static class FluentFormValidation
{
    /// <summary>
    /// A MudForm's <c>Validation</c>: each field that names its property (<c>For</c>) shows the messages of
    /// <paramref name="validator"/> for the request the form currently makes.
    /// </summary>
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(
        IValidator<T> validator, Func<T> request, Action<ValidationContext<T>>? configure = null) =>
        (_, propertyName) => ValidateFieldAsync(validator, request(), propertyName, configure);

    public static async Task<IEnumerable<string>> ValidateFieldAsync<T>(
        IValidator<T> validator, T request, string propertyName, Action<ValidationContext<T>>? configure = null)
    {
        var context = new ValidationContext<T>(request);
        configure?.Invoke(context);
        var result = await validator.ValidateAsync(context);
        // Failures are keyed as the API keys them (camelCase), whether or not the rule overrides its property name.
        var path = ValidatorExtensions.CamelPath(propertyName);
        return result.Errors
            .Select(e => (Path: ValidatorExtensions.CamelPath(e.PropertyName), e.ErrorMessage))
            .Where(e => e.Path == path || e.Path.StartsWith(path + "[", StringComparison.Ordinal) || e.Path.StartsWith(path + ".", StringComparison.Ordinal))
            .Select(e => e.ErrorMessage)
            .Distinct()
            .ToList();
    }

    public static string ToCamel(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
