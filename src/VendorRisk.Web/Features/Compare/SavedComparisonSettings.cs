using FluentValidation;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.Costs;

namespace VendorRisk.Web.Features.Compare;

/// <summary>Saves (or replaces, matching the name ignoring case) a named weighting of the set's sections.</summary>
[RequiresRole(Roles.Assessor, "save weightings")]
public sealed record SaveWeightingRequest(string Name, string QuestionSetKey, IReadOnlyDictionary<string, double> Multipliers) : IUseCase<SavedWeightingInfo>;

[RequiresRole(Roles.Assessor, "delete weightings")]
public sealed record DeleteWeightingRequest(string Name, string QuestionSetKey) : IUseCase<Done>;

/// <summary>Saves (or replaces, matching the name ignoring case) a named workload profile. Preset names are taken.</summary>
[RequiresRole(Roles.Assessor, "save workload profiles")]
public sealed record SaveProfileRequest(string Name, WorkloadProfile Profile) : IUseCase<ProfileOption>;

[RequiresRole(Roles.Assessor, "delete workload profiles")]
public sealed record DeleteProfileRequest(string Name) : IUseCase<Done>;

public static class SavedNameRules
{
    /// <summary>The name of a saved weighting or profile, trimmed: present, at most <see cref="CompareService.NameMaxLength"/>, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> SavedName<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .Must(n => Clean(n).Length > 0).WithMessage("Give it a name.")
        .Must(n => Clean(n).Length <= CompareService.NameMaxLength).WithMessage($"A name has at most {CompareService.NameMaxLength} characters.")
        .Must(n => !Clean(n).Any(char.IsControl)).WithMessage("A name cannot contain control characters.");

    public static string Clean(string? name) => name?.Trim() ?? "";
}

/// <summary>The name first, then the set and each multiplier against the sections of the set's published versions.</summary>
public sealed class SaveWeightingValidator : AbstractValidator<SaveWeightingRequest>
{
    public SaveWeightingValidator(IDbContextFactory<VendorRiskDbContext> dbFactory, QuestionSetDefinitions definitions)
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Name).SavedName();
        RuleFor(r => r).CustomAsync(async (request, context, cancellationToken) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var versions = await db.QuestionSetVersions.AsNoTracking()
                .Where(v => v.QuestionSet.Key == request.QuestionSetKey && v.Status != VersionStatus.Draft)
                .ToListAsync(cancellationToken);
            if (versions.Count == 0)
            {
                context.AddFailure("questionSetKey", $"No published question set has the key '{request.QuestionSetKey}'.");
                return;
            }
            var sectionKeys = versions.SelectMany(v => definitions.Get(v).Sections.Select(s => s.Key)).ToHashSet(StringComparer.Ordinal);
            foreach (var (key, value) in request.Multipliers)
            {
                if (!sectionKeys.Contains(key))
                    context.AddFailure(CompareQuery.MultipliersField, $"No version of '{request.QuestionSetKey}' has a section '{key}'.");
                else if (!(value >= RankStabilityAnalyzer.MinMultiplier && value <= RankStabilityAnalyzer.MaxMultiplier))
                    context.AddFailure(CompareQuery.MultipliersField,
                        $"The multiplier of section '{key}' must be between {RankStabilityAnalyzer.MinMultiplier} and {RankStabilityAnalyzer.MaxMultiplier}.");
            }
        });
    }
}

/// <summary>The profile's figures first (as <see cref="CompareQuery.Build(WorkloadProfile)"/> checks them), then the name.</summary>
public sealed class SaveProfileValidator : AbstractValidator<SaveProfileRequest>
{
    public SaveProfileValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Profile).Custom((profile, context) =>
        {
            try
            {
                CompareQuery.Build(profile);
            }
            catch (ValidationFailedException invalid)
            {
                foreach (var (path, messages) in invalid.Errors)
                    foreach (var message in messages)
                        context.AddFailure(path, message);
            }
        });
        RuleFor(r => r.Name).SavedName()
            .Must(n => !WorkloadProfile.Presets.Any(p => string.Equals(p.Name, SavedNameRules.Clean(n), StringComparison.OrdinalIgnoreCase)))
            .WithMessage(r => $"'{SavedNameRules.Clean(r.Name)}' is a built-in preset; choose another name.")
            .Must(n => !CompareQuery.LooksInline(SavedNameRules.Clean(n))).WithMessage("A profile name cannot contain ':'.");
    }
}

public sealed class SavedComparisonSettingsHandler :
    IUseCaseHandler<SaveWeightingRequest, SavedWeightingInfo>, IUseCaseHandler<DeleteWeightingRequest, Done>,
    IUseCaseHandler<SaveProfileRequest, ProfileOption>, IUseCaseHandler<DeleteProfileRequest, Done>
{
    public async Task<SavedWeightingInfo> HandleAsync(SaveWeightingRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var (db, cleanName, questionSetKey) = (context.Db, SavedNameRules.Clean(request.Name), request.QuestionSetKey);
        var existing = (await db.SavedWeightings.Where(w => w.QuestionSetKey == questionSetKey).ToListAsync(cancellationToken))
            .FirstOrDefault(w => string.Equals(w.Name, cleanName, StringComparison.OrdinalIgnoreCase));
        var stored = request.Multipliers.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        var old = existing?.Multipliers;
        if (existing is null)
        {
            existing = new SavedWeighting { QuestionSetKey = questionSetKey };
            db.SavedWeightings.Add(existing);
        }

        existing.Name = cleanName;
        existing.Multipliers = stored;
        existing.CreatedBy = context.Actor.Name;
        existing.CreatedAt = context.Now;
        context.Audit(old is null ? "weighting-saved" : "weighting-replaced", CompareService.WeightingEntityType, $"{questionSetKey}/{cleanName}",
            $"Saved weighting '{cleanName}' for {questionSetKey}", old, stored);
        return new SavedWeightingInfo(existing.Name, existing.QuestionSetKey, existing.Multipliers, existing.CreatedBy, existing.CreatedAt);
    }

    public async Task<Done> HandleAsync(DeleteWeightingRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var existing = (await context.Db.SavedWeightings.Where(w => w.QuestionSetKey == request.QuestionSetKey).ToListAsync(cancellationToken))
            .FirstOrDefault(w => string.Equals(w.Name, request.Name?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException($"No saved weighting named '{request.Name}' for {request.QuestionSetKey}.");
        context.Db.SavedWeightings.Remove(existing);
        context.Audit("weighting-deleted", CompareService.WeightingEntityType, $"{request.QuestionSetKey}/{existing.Name}",
            $"Deleted weighting '{existing.Name}' for {request.QuestionSetKey}", existing.Multipliers);
        return default;
    }

    public async Task<ProfileOption> HandleAsync(SaveProfileRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var (profile, cleanName) = (CompareQuery.Build(request.Profile), SavedNameRules.Clean(request.Name));
        var existing = (await context.Db.WorkloadProfiles.ToListAsync(cancellationToken))
            .FirstOrDefault(p => string.Equals(p.Name, cleanName, StringComparison.OrdinalIgnoreCase));
        var isNew = existing is null;
        if (existing is null)
        {
            existing = new SavedWorkloadProfile();
            context.Db.WorkloadProfiles.Add(existing);
        }

        existing.Name = cleanName;
        existing.Set(profile);
        existing.CreatedAt = context.Now;
        context.Audit(isNew ? "workload-profile-saved" : "workload-profile-replaced", CompareService.ProfileEntityType, cleanName,
            $"Saved workload profile '{cleanName}'", null, CompareQuery.FormatInlineProfile(profile));
        return new ProfileOption(cleanName, profile, false);
    }

    public async Task<Done> HandleAsync(DeleteProfileRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var existing = (await context.Db.WorkloadProfiles.ToListAsync(cancellationToken))
            .FirstOrDefault(p => string.Equals(p.Name, request.Name?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException($"No saved workload profile named '{request.Name}'.");
        context.Db.WorkloadProfiles.Remove(existing);
        context.Audit("workload-profile-deleted", CompareService.ProfileEntityType, existing.Name, $"Deleted workload profile '{existing.Name}'");
        return default;
    }
}
