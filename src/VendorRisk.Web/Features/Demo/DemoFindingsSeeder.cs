namespace VendorRisk.Web.Features.Demo;

/// <summary>
/// Demo mode only: the findings, approval conditions and knockout risk acceptances of <c>seed-data/demo/findings.json</c>,
/// on the demo assessments named there. Runs after <see cref="DemoDataSeeder"/>; idempotent. Due dates are days from
/// today, so overdue findings stay overdue whenever the demo is loaded.
/// </summary>
public sealed class DemoFindingsSeeder(
    UseCasePipeline pipeline,
    QuestionSetDefinitions definitions,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DemoFindingsSeeder> logger) : IDemoSeeder, IUseCaseHandler<LoadDemoFindingsRequest, Done>
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var folder = DemoSeedFiles.Folder(environment);
        var file = folder is null ? null : Path.Combine(folder, "findings.json");
        if (file is null || !File.Exists(file))
            return;
        await pipeline.AsSystem().RunAsync(new LoadDemoFindingsRequest(file), cancellationToken);
    }

    /// <summary>The findings and acceptances of the file, in one transaction, recorded as the system's.</summary>
    public async Task<Done> HandleAsync(LoadDemoFindingsRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var data = await DemoSeedFiles.ReadAsync<DemoFindings>(request.File, cancellationToken);
        if (data is null)
            return default;

        var db = context.Db;
        var users = await db.Users.AsNoTracking().Where(u => u.Email != null && u.Email.EndsWith("@" + DemoDataSeeder.EmailDomain))
            .ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        string? UserOf(string role) => users.GetValueOrDefault(DemoDataSeeder.EmailOf(role));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var f in data.Findings ?? [])
        {
            var assessmentId = await FindAsync(db, f.Vendor, f.Assessment, cancellationToken);
            if (assessmentId is null || await db.Findings.AnyAsync(x => x.AssessmentId == assessmentId && x.Title == f.Title, cancellationToken))
                continue;
            var finding = new Finding
            {
                AssessmentId = assessmentId.Value, Title = f.Title, Severity = f.Severity, Status = f.Status, IsCondition = f.IsCondition,
                Description = f.Description, OwnerId = f.Owner is null ? null : UserOf(f.Owner), DueDate = today.AddDays(f.DueDaysFromToday),
                Justification = f.Status == FindingStatus.RiskAccepted ? f.Description : null, CreatedById = UserOf(Roles.Reviewer) ?? Actor.System.UserId,
                CreatedAt = now.AddDays(-30), UpdatedAt = now, ClosedAt = FindingWorkflow.IsClosed(f.Status) ? now.AddDays(-1) : null, Version = 1,
            };
            db.Findings.Add(finding);
            await db.SaveChangesAsync(cancellationToken);
            context.Audit("finding-raised", AuditEntityTypes.Finding, $"{finding.AssessmentId}/{finding.Id}",
                $"Demo {(f.IsCondition ? "condition" : "finding")} '{f.Title}' loaded: {Audit.AuditSentences.Words(f.Status.ToString()).ToLowerInvariant()}");
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var a in data.Acceptances ?? [])
        {
            var assessmentId = await FindAsync(db, a.Vendor, a.Assessment, cancellationToken);
            var reviewerId = UserOf(Roles.Reviewer);
            if (assessmentId is null || reviewerId is null || await db.RiskAcceptances.AnyAsync(r => r.AssessmentId == assessmentId, cancellationToken))
                continue;
            // The first knockout unless one is named, so the demo keeps an accepted risk when its answers change.
            var assessment = await db.Assessments.AsNoTracking().Include(x => x.QuestionSetVersion).Include(x => x.Answers)
                .SingleAsync(x => x.Id == assessmentId, cancellationToken);
            var knockouts = Domain.Scoring.ScoringEngine.Score(definitions.Get(assessment.QuestionSetVersion),
                assessment.Answers.ToDictionary(x => x.QuestionKey, x => x.ToValue()), today).Knockouts;
            var key = a.QuestionKey ?? knockouts.FirstOrDefault();
            if (key is null || !knockouts.Contains(key))
            {
                logger.LogWarning("Demo data: '{Assessment}' has no knockout {Key} to accept; skipped.", a.Assessment, a.QuestionKey ?? "");
                continue;
            }
            var until = today.AddDays(a.UntilDaysAhead);
            db.RiskAcceptances.Add(new RiskAcceptance
            {
                AssessmentId = assessmentId.Value, QuestionKey = key, Justification = a.Justification, Until = until,
                AcceptedById = reviewerId, AcceptedAt = now.AddDays(-2),
            });
            context.Audit("knockout-risk-accepted", AuditEntityTypes.RiskAcceptance, $"{assessmentId}/{key}",
                $"Demo acceptance of knockout '{key}' loaded, until {until:yyyy-MM-dd}");
            await db.SaveChangesAsync(cancellationToken);
        }
        return default;
    }

    private static Task<int?> FindAsync(VendorRiskDbContext db, string vendor, string title, CancellationToken cancellationToken) =>
        db.Assessments.Where(x => x.Vendor.Name == vendor && x.Title == title).Select(x => (int?)x.Id).FirstOrDefaultAsync(cancellationToken);

    private sealed record DemoFindings(List<DemoFinding>? Findings, List<DemoAcceptance>? Acceptances);

    private sealed record DemoFinding(string Vendor, string Assessment, string Title, FindingSeverity Severity, FindingStatus Status,
        string? Owner, int DueDaysFromToday, bool IsCondition = false, string? Description = null);

    private sealed record DemoAcceptance(string Vendor, string Assessment, string Justification, int UntilDaysAhead, string? QuestionKey = null);
}

/// <summary>Demo mode's findings, conditions and knockout acceptances, from <see cref="File"/>.</summary>
[RequiresRole(Roles.Admin, "load demo findings")]
public sealed record LoadDemoFindingsRequest(string File) : IUseCase<Done>;
