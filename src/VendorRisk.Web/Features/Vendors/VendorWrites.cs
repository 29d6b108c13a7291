namespace VendorRisk.Web.Features.Vendors;

/// <summary>What the vendor use cases share: cleaning a request, applying it, its audit snapshot, and a save that names a lost race.</summary>
internal static class VendorWrites
{
    public static VendorRequest Clean(VendorRequest r) => r with
    {
        Name = TextRules.CleanName(r.Name),
        Website = Blank(r.Website),
        HeadquartersCountry = Blank(r.HeadquartersCountry)?.ToUpperInvariant(),
        Jurisdictions = r.Jurisdictions?.Select(j => j.Trim().ToUpperInvariant()).Where(j => j.Length > 0).ToList() ?? null!,
        ParentCompany = Blank(TextRules.CleanName(r.ParentCompany)),
        Models = r.Models?.Select(TextRules.CleanName).ToList() ?? null!,
        OwnerId = Blank(r.OwnerId),
        Tags = r.Tags?.Select(TextRules.CleanName).ToList() ?? null!,
        Notes = Blank(r.Notes),
    };

    public static void Apply(Vendor vendor, VendorRequest r, DateTime now)
    {
        vendor.Name = r.Name;
        vendor.NormalizedName = VendorService.Normalize(r.Name);
        vendor.Website = r.Website;
        vendor.HeadquartersCountry = r.HeadquartersCountry;
        vendor.Jurisdictions = r.Jurisdictions.ToList();
        vendor.ParentCompany = r.ParentCompany;
        vendor.Models = r.Models.ToList();
        vendor.Tier = r.Tier;
        vendor.OwnerId = r.OwnerId;
        vendor.Tags = r.Tags.ToList();
        vendor.Notes = r.Notes;
        vendor.UpdatedAt = now;
        vendor.Version++;
    }

    public static object Snapshot(Vendor v) => new
    {
        v.Name, v.Website, v.HeadquartersCountry, jurisdictions = v.Jurisdictions.ToList(), v.ParentCompany,
        models = v.Models.ToList(), v.Tier, v.OwnerId, tags = v.Tags.ToList(), v.Notes, v.IsArchived,
    };

    public static async Task<Vendor> FindAsync(VendorRiskDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Vendors.SingleOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw new NotFoundException($"No vendor with id {id}.");

    /// <summary>Two people saving the same name at once: the unique index decides, and the loser gets the validator's error.</summary>
    public static Task SaveUniqueAsync(VendorRiskDbContext db, CancellationToken cancellationToken) =>
        UniqueSave.SaveAsync(db, "The vendor was changed by someone else since you opened it; reload and try again.", "name", "A vendor with this name already exists.", cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
