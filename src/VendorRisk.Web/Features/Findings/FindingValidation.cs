using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Domain.Common;

namespace VendorRisk.Web.Features.Findings;

/// <summary>Checks shared by the finding validators.</summary>
public sealed class ActiveUsers(IDbContextFactory<VendorRiskDbContext> dbFactory)
{
    public async Task<bool> IsActiveAsync(string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId))
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled, cancellationToken);
    }

    /// <summary>Active users, by name, for owner pickers.</summary>
    public async Task<IReadOnlyList<Vendors.UserOption>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Role }).ToListAsync(cancellationToken);
        return users.Select(u => new Vendors.UserOption(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, u.Role))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}

public static class ValidatorExtensions
{
    /// <summary>Runs the validator and throws <see cref="ValidationFailedException"/> keyed by the camelCase request paths.</summary>
    public static async Task ThrowIfInvalidAsync<T>(this IValidator<T> validator, T request, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(request, cancellationToken);
        if (!result.IsValid)
            throw Failed(result.Errors);
    }

    public static ValidationFailedException Failed(IEnumerable<ValidationFailure> errors) => new(errors
        .GroupBy(e => CamelPath(e.PropertyName))
        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));

    /// <summary>"Conditions[0].OwnerId" → "conditions[0].ownerId", the paths of api.md.</summary>
    public static string CamelPath(string path) => string.Join('.', path.Split('.').Select(Shared.FluentFormValidation.ToCamel));
}
