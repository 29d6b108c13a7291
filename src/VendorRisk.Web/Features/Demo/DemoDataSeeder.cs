using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Features.Users;

namespace VendorRisk.Web.Features.Demo;

/// <summary>
/// Demo mode only (<c>--demo</c>): one user per role with a generated password printed once, and
/// the fictional vendors and assessments of <c>seed-data/demo</c> in their workflow states.
/// Runs after the question-set seeder; idempotent (existing users, vendors and assessments are kept).
/// </summary>
public sealed class DemoDataSeeder(
    UseCasePipeline pipeline,
    UserService users,
    QuestionSetDefinitions definitions,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger) : IDemoSeeder, IUseCaseHandler<LoadDemoDataRequest, Done>
{
    public const string EmailDomain = "demo.vendorrisk";

    public static string EmailOf(string role) => $"{role.ToLowerInvariant()}@{EmailDomain}";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var userIds = await SeedUsersAsync();
        var folder = DemoSeedFiles.Folder(environment);
        if (folder is null)
        {
            logger.LogWarning("Demo data: no seed-data/demo folder found; only the demo users were created.");
            return;
        }

        await pipeline.AsSystem().RunAsync(new LoadDemoDataRequest(folder, userIds), cancellationToken);
    }

    /// <summary>The vendors and assessments of the demo folder, in one transaction, recorded as the system's.</summary>
    public async Task<Done> HandleAsync(LoadDemoDataRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var vendorIds = await SeedVendorsAsync(context, Path.Combine(request.Folder, "vendors.json"), request.UserIds[Roles.Assessor], cancellationToken);
        foreach (var file in Directory.GetFiles(Path.Combine(request.Folder, "assessments"), "*.json").Order(StringComparer.Ordinal))
            await SeedAssessmentAsync(context, file, vendorIds, request.UserIds, cancellationToken);
        return default;
    }

    private async Task<Dictionary<string, string>> SeedUsersAsync()
    {
        var ids = new Dictionary<string, string>();
        var created = new List<(string Email, string Role, string Password)>();
        foreach (var role in Roles.All)
        {
            var email = EmailOf(role);
            var id = await users.FindIdByEmailAsync(email);
            if (id is null)
            {
                var user = await users.CreateAsSystemAsync(new CreateUserRequest(email, $"Demo {role}", role, null));
                id = user.User.Id;
                created.Add((email, role, user.GeneratedPassword!));
            }
            ids[role] = id;
        }

        if (created.Count > 0)
        {
            // Printed once, to the console only (never to the log files): the operator copies them now.
            var text = new StringBuilder()
                .AppendLine()
                .AppendLine("==================== VendorRisk demo users (shown once) ====================");
            foreach (var (email, role, password) in created)
                text.AppendLine($"  {role,-9} {email,-28} password: {password}");
            text.AppendLine("  Fictional data only. Passwords can be reset with: users set-password <email>")
                .AppendLine("=============================================================================");
            Console.WriteLine(text.ToString());
        }

        return ids;
    }

    private async Task<Dictionary<string, int>> SeedVendorsAsync(UseCaseContext context, string file, string ownerId, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var vendors = await DemoSeedFiles.ReadAsync<List<DemoVendor>>(file, cancellationToken) ?? [];
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var v in vendors)
        {
            var normalized = v.Name.Trim().ToUpperInvariant();
            if (await db.Vendors.AnyAsync(x => x.NormalizedName == normalized, cancellationToken))
                continue;
            var vendor = new Vendor
            {
                Name = v.Name.Trim(), NormalizedName = normalized, Website = v.Website, HeadquartersCountry = v.HeadquartersCountry,
                Jurisdictions = v.Jurisdictions ?? [], ParentCompany = v.ParentCompany, Models = v.Models ?? [], Tier = v.Tier,
                OwnerId = ownerId, Tags = v.Tags ?? [], Notes = v.Notes, CreatedAt = now.AddDays(-400), UpdatedAt = now, Version = 1,
            };
            db.Vendors.Add(vendor);
            context.Audit("vendor-created", AuditEntityTypes.Vendor, null, $"Demo vendor {vendor.Name} loaded");
        }
        await db.SaveChangesAsync(cancellationToken);
        var ids = await db.Vendors.AsNoTracking().ToDictionaryAsync(v => v.Name, v => v.Id, cancellationToken);
        foreach (var v in vendors)
        {
            if (!ids.TryGetValue(v.Name.Trim(), out var vendorId))
                continue;
            foreach (var o in v.Offerings ?? [])
            {
                var normalized = o.Name.Trim().ToUpperInvariant();
                if (await db.ModelOfferings.AnyAsync(x => x.VendorId == vendorId && x.NormalizedName == normalized, cancellationToken))
                    continue;
                db.ModelOfferings.Add(new ModelOffering
                {
                    VendorId = vendorId, Name = o.Name.Trim(), NormalizedName = normalized,
                    Channel = KebabEnum.Parse<ModelChannel>(o.Channel) ?? ModelChannel.Other, ProviderModelId = o.ProviderModelId,
                    Status = KebabEnum.Parse<ModelOfferingStatus>(o.Status) ?? ModelOfferingStatus.Active,
                    CreatedAt = now.AddDays(-400), UpdatedAt = now, Version = 1,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return ids;
    }

    private async Task SeedAssessmentAsync(UseCaseContext context, string file, Dictionary<string, int> vendorIds, IReadOnlyDictionary<string, string> userIds,
        CancellationToken cancellationToken)
    {
        var db = context.Db;
        var demo = await DemoSeedFiles.ReadAsync<DemoAssessment>(file, cancellationToken);
        if (demo is null || !vendorIds.TryGetValue(demo.Vendor, out var vendorId))
        {
            logger.LogWarning("Demo data: {File} names an unknown vendor; skipped.", Path.GetFileName(file));
            return;
        }
        if (await db.Assessments.AnyAsync(a => a.VendorId == vendorId && a.Title == demo.Title, cancellationToken))
            return;

        var version = await db.QuestionSetVersions.Include(v => v.QuestionSet)
            .Where(v => v.QuestionSet.Key == demo.QuestionSetKey && v.Status == VersionStatus.Published)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            logger.LogWarning("Demo data: question set {Key} has no published version; {File} skipped.", demo.QuestionSetKey, Path.GetFileName(file));
            return;
        }

        var definition = definitions.Get(version);
        var status = KebabEnum.Parse<AssessmentStatus>(demo.Status) ?? AssessmentStatus.Draft;
        var today = clock.GetUtcNow().UtcDateTime.Date.AddHours(9);
        var created = today.AddDays(-demo.CreatedDaysAgo);
        DateTime? submitted = status == AssessmentStatus.Draft ? null : today.AddDays(-(demo.SubmittedDaysAgo ?? 0));
        DateTime? reviewed = status is AssessmentStatus.Draft or AssessmentStatus.Submitted ? null : today.AddDays(-(demo.ReviewedDaysAgo ?? 0));
        var assessorId = userIds[Roles.Assessor];
        var previous = status == AssessmentStatus.Draft
            ? await db.Assessments.Where(a => a.VendorId == vendorId && a.QuestionSetVersion.QuestionSet.Key == demo.QuestionSetKey && a.ReviewedAt != null
                    && (demo.Model == null || a.ModelOffering!.Name == demo.Model))
                .OrderByDescending(a => a.ReviewedAt).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken)
            : null;

        int? modelId = demo.Model is { } model
            ? await db.ModelOfferings.Where(o => o.VendorId == vendorId && o.NormalizedName == model.Trim().ToUpperInvariant())
                .Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        var assessment = new Assessment
        {
            VendorId = vendorId, QuestionSetVersionId = version.Id, ModelOfferingId = modelId, Title = demo.Title, Scope = demo.Scope, AssessorId = assessorId,
            Status = status, CreatedAt = created, UpdatedAt = reviewed ?? submitted ?? created, SubmittedAt = submitted, SubmittedById = submitted is null ? null : assessorId, ReviewedAt = reviewed,
            ReviewerId = reviewed is null ? null : userIds[Roles.Reviewer], ReviewComment = demo.ReviewComment,
            PreviousAssessmentId = previous, Version = 1,
        };
        // Workflow dates are "days ago"; evidence dates are written as dates on a given day and move with today,
        // so the demo's evidence ages (and so its scores) are the same whatever day the demo is loaded.
        var evidenceShift = demo.EvidenceDatesWrittenOn is { } writtenOn ? DateOnly.FromDateTime(today).DayNumber - writtenOn.DayNumber : 0;
        foreach (var written in demo.Answers ?? [])
        {
            var value = written.Evidence is { Date: { } date } evidence && evidenceShift != 0
                ? written with { Evidence = evidence with { Date = date.AddDays(evidenceShift) } }
                : written;
            var result = AnswerValidator.Validate(definition, value);
            if (!result.IsValid)
            {
                logger.LogWarning("Demo data: answer {Key} in {File} refused: {Errors}", value.QuestionKey, Path.GetFileName(file), result.ToString());
                continue;
            }
            var answer = new Answer
            {
                QuestionKey = value.QuestionKey, Version = 1, UpdatedById = assessorId, UpdatedByName = $"Demo {Roles.Assessor}",
                UpdatedAt = submitted ?? created.AddDays(1),
            };
            answer.Apply(value);
            assessment.Answers.Add(answer);
        }

        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        context.Audit("assessment-created", AuditEntityTypes.Assessment, assessment.Id,
            $"Demo assessment '{demo.Title}' loaded: {StatusChip.Label(status).ToLowerInvariant()}");
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record DemoVendor(string Name, string? Website, string? HeadquartersCountry, List<string>? Jurisdictions,
        string? ParentCompany, List<string>? Models, int? Tier, List<string>? Tags, string? Notes, List<DemoOffering>? Offerings = null);

    private sealed record DemoOffering(string Name, string? Channel, string? ProviderModelId, string? Status);

    private sealed record DemoAssessment(string Vendor, string QuestionSetKey, string Title, string? Scope, string Status, string? ReviewComment,
        int CreatedDaysAgo, int? SubmittedDaysAgo, int? ReviewedDaysAgo, List<AnswerValue>? Answers, DateOnly? EvidenceDatesWrittenOn = null,
        string? Model = null);
}

/// <summary>Demo mode's vendors and assessments, from <see cref="Folder"/>, owned by the demo users of <see cref="UserIds"/> (by role).</summary>
[RequiresRole(Roles.Admin, "load demo data")]
public sealed record LoadDemoDataRequest(string Folder, IReadOnlyDictionary<string, string> UserIds) : IUseCase<Done>;
