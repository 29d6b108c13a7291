using FluentValidation;

namespace VendorRisk.Web.Features.Findings;

/// <summary>The field rules every finding and condition request shares, with one wording.</summary>
public static class FindingRules
{
    public static IRuleBuilderOptions<T, string?> BeAnActiveOwner<T>(this IRuleBuilder<T, string?> owner, ActiveUsers users) =>
        owner.MustAsync(users.IsActiveAsync).WithMessage("The owner must be an active user.");

    /// <summary>Not null: say <c>When(description is not null)</c> where it is optional.</summary>
    public static IRuleBuilderOptions<T, string?> FitTheDescriptionLimit<T>(this IRuleBuilder<T, string?> description) =>
        description.Must(d => d!.Length <= FindingLimits.DescriptionMaxLength).WithMessage($"Use at most {FindingLimits.DescriptionMaxLength:N0} characters.");

    /// <summary>Say <c>Cascade(CascadeMode.Stop)</c> before it: a missing title has no length to report.</summary>
    public static IRuleBuilderOptions<T, string> BeAFindingTitle<T>(this IRuleBuilder<T, string> title, string whenMissing) =>
        title.Must(TextRules.HasVisibleText).WithMessage(whenMissing)
            .Must(t => TextRules.CleanName(t).Length <= FindingLimits.TitleMaxLength).WithMessage($"Use at most {FindingLimits.TitleMaxLength} characters.");

    /// <summary>Not null: say <c>When(due date is not null)</c> where it is optional.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> BeAPlannedDate<T>(this IRuleBuilder<T, DateOnly?> dueDate, TimeProvider clock) =>
        dueDate.Must(d => DateRules.IsPlannedDate(d!.Value, clock.Today())).WithMessage(DateRules.PlannedDateMessage);

    public const string SeverityChoice = "Choose a severity: low, medium, high or critical.";
}

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
    public async Task<IReadOnlyList<UserOption>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Role }).ToListAsync(cancellationToken);
        return users.Select(u => new UserOption(u.Id, ApplicationUser.ShownName(u.DisplayName, u.Email, u.Id), u.Role))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
