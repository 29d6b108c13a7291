using FluentValidation;
using FluentValidation.Results;

namespace VendorRisk.Web.Infrastructure.UseCases;

public static class ValidatorExtensions
{
    /// <summary>Runs the validator and throws <see cref="ValidationFailedException"/> keyed by the camelCase request paths.</summary>
    public static async Task ThrowIfInvalidAsync<T>(this IValidator<T> validator, T request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = await validator.ValidateAsync(request, cancellationToken);
        if (!result.IsValid)
            throw Failed(result.Errors);
    }

    /// <summary>The same for a validator that needs no I/O (answers against their question set).</summary>
    public static void ThrowIfInvalid<T>(this IValidator<T> validator, T request)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = validator.Validate(request);
        if (!result.IsValid)
            throw Failed(result.Errors);
    }

    public static ValidationFailedException Failed(IEnumerable<ValidationFailure> errors) => new(errors
        .GroupBy(e => CamelPath(e.PropertyName))
        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));

    /// <summary>"Conditions[0].OwnerId" → "conditions[0].ownerId", the paths of api.md.</summary>
    public static string CamelPath(string path) =>
        string.Join('.', (path ?? "").Split('.').Select(Features.Shared.FluentFormValidation.ToCamel));
}
