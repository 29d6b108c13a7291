using System.Linq.Expressions;
using FluentValidation;

namespace VendorRisk.Web.Features.Vendors;

/// <summary>
/// The one set of vendor rules, run by <see cref="VendorService"/> and, through
/// <see cref="Shared.FluentFormValidation"/>, by the vendor dialog. Error keys are the camelCase
/// paths of the API (<c>name</c>, <c>jurisdictions[1]</c>).
/// </summary>
public sealed class VendorRequestValidator : AbstractValidator<VendorRequest>
{
    public const int NameMaxLength = 200;
    public const int WebsiteMaxLength = 2048;
    public const int ParentCompanyMaxLength = 200;
    public const int ModelMaxLength = 200;
    public const int MaxModels = 50;
    public const int TagMaxLength = 50;
    public const int MaxTags = 20;
    public const int NotesMaxLength = 10_000;
    public const int MinTier = 1;
    public const int MaxTier = 4;

    /// <summary>Root-context key of the vendor being edited, so its own name does not count as a duplicate.</summary>
    public const string VendorIdKey = "vendorId";

    private readonly IDbContextFactory<VendorRiskDbContext> _dbFactory;

    public VendorRequestValidator(IDbContextFactory<VendorRiskDbContext> dbFactory)
    {
        _dbFactory = dbFactory;

        RuleFor(v => v.Name).Cascade(CascadeMode.Stop)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Enter the vendor's name.")
            .Must(name => TextRules.Length(TextRules.CleanName(name)) <= NameMaxLength).WithMessage($"Use at most {NameMaxLength} characters.")
            .MustAsync(BeUniqueNameAsync).WithMessage(v => $"A vendor named '{TextRules.CleanName(v.Name)}' already exists.")
            .OverridePropertyName("name");

        RuleFor(v => v.Website)
            .Must(BeHttpUrl!).When(v => !string.IsNullOrWhiteSpace(v.Website))
            .WithMessage("Enter a full http:// or https:// address, for example https://example.com.")
            .OverridePropertyName("website");

        RuleFor(v => v.HeadquartersCountry)
            .Must(Countries.IsCode).When(v => !string.IsNullOrEmpty(v.HeadquartersCountry))
            .WithMessage(v => $"'{v.HeadquartersCountry}' is not an ISO 3166-1 alpha-2 country code.")
            .OverridePropertyName("headquartersCountry");

        RuleFor(v => v.Jurisdictions).NotNull().WithMessage("Jurisdictions may be empty but not missing.")
            .Must(list => list is null || list.Distinct(StringComparer.Ordinal).Count() == list.Count).WithMessage("List each jurisdiction once.")
            .OverridePropertyName("jurisdictions");
        RuleForEach(v => v.Jurisdictions)
            .Must(Countries.IsCode).WithMessage((_, code) => $"'{code}' is not an ISO 3166-1 alpha-2 country code.")
            .OverridePropertyName("jurisdictions");

        RuleFor(v => v.ParentCompany)
            .Must(p => TextRules.Length(p) <= ParentCompanyMaxLength).WithMessage($"Use at most {ParentCompanyMaxLength} characters.")
            .OverridePropertyName("parentCompany");

        RuleForNames(v => v.Models, "models", "Models may be empty but not missing.", MaxModels, $"List at most {MaxModels} models.",
            ModelMaxLength, $"A model name has 1 to {ModelMaxLength} characters.");

        RuleFor(v => v.Tier)
            .InclusiveBetween(MinTier, MaxTier).When(v => v.Tier is not null).WithMessage($"The criticality tier is {MinTier} (most critical) to {MaxTier}.")
            .OverridePropertyName("tier");

        RuleFor(v => v.OwnerId)
            .MustAsync(BeAnExistingUserAsync).When(v => !string.IsNullOrEmpty(v.OwnerId))
            .WithMessage("The owner must be an existing user.")
            .OverridePropertyName("ownerId");

        RuleForNames(v => v.Tags, "tags", "Tags may be empty but not missing.", MaxTags, $"Use at most {MaxTags} tags.",
                TagMaxLength, $"A tag has 1 to {TagMaxLength} characters.")
            .Must(list => list is null || list.Distinct(StringComparer.OrdinalIgnoreCase).Count() == list.Count).WithMessage("Use each tag once.");

        RuleFor(v => v.Notes)
            .Must(n => TextRules.Length(n) <= NotesMaxLength).WithMessage($"Use at most {NotesMaxLength:N0} characters.")
            .OverridePropertyName("notes");
    }

    /// <summary>
    /// A list that may be empty but not missing, of at most <paramref name="max"/> names of 1 to <paramref name="nameMaxLength"/>
    /// characters; errors on <paramref name="field"/>. Returns the list's rule for any further list-wide check.
    /// </summary>
    private IRuleBuilderOptions<VendorRequest, IReadOnlyList<string>> RuleForNames(Expression<Func<VendorRequest, IReadOnlyList<string>>> list,
        string field, string missing, int max, string tooMany, int nameMaxLength, string badName)
    {
        var listRule = RuleFor(list).NotNull().WithMessage(missing)
            .Must(names => names is null || names.Count <= max).WithMessage(tooMany)
            .OverridePropertyName(field);
        RuleForEach(Expression.Lambda<Func<VendorRequest, IEnumerable<string>>>(list.Body, list.Parameters))
            .Must(name => !string.IsNullOrWhiteSpace(name) && TextRules.Length(name) <= nameMaxLength).WithMessage(badName)
            .OverridePropertyName(field);
        return listRule;
    }

    public static bool BeHttpUrl(string website) =>
        website.Length <= WebsiteMaxLength
        && Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private async Task<bool> BeUniqueNameAsync(VendorRequest request, string name, ValidationContext<VendorRequest> context, CancellationToken cancellationToken)
    {
        var normalized = VendorService.Normalize(name);
        var selfId = request is UpdateVendorRequest update ? update.Id
            : context.RootContextData.TryGetValue(VendorIdKey, out var id) ? id as int? : null;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Vendors.AnyAsync(v => v.NormalizedName == normalized && v.Id != selfId, cancellationToken);
    }

    private async Task<bool> BeAnExistingUserAsync(string? ownerId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Id == ownerId, cancellationToken);
    }
}
