using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Findings;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Findings;
using VendorRisk.Web.Features.Mail;
using VendorRisk.Web.Features.Dashboard;
using VendorRisk.Web.Features.Mail.Reminders;
using VendorRisk.Web.Tests.Infrastructure;
using VendorRisk.Web.Tests.Portal;

namespace VendorRisk.Web.Tests.Mail;

public sealed class ReminderTests(OutboxFixture app) : IClassFixture<OutboxFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_overdue_draft_reminds_its_assessor_once_a_week_however_often_the_job_runs()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (_, title) = await CreateAssessmentAsync(today.AddDays(-2));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        await RunAsync(clock);
        await RunAsync(clock);
        Assert.Equal([app.UserIdOf(Roles.Assessor)], await RecipientsAsync($"Assessment overdue: {title}"));

        clock.Advance(TimeSpan.FromDays(7));
        await RunAsync(clock);
        Assert.Equal(2, (await RecipientsAsync($"Assessment overdue: {title}")).Count);
    }

    [Fact]
    public async Task Two_instances_running_the_reminders_at_once_queue_each_reminder_once()
    {
        var (_, title) = await CreateAssessmentAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(30));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync(clock))));

        Assert.Single(await RecipientsAsync($"Assessment overdue: {title}"));
    }

    [Fact]
    public async Task A_finding_due_soon_reminds_its_owner_unless_the_owner_turned_notifications_off()
    {
        var (id, _) = await CreateAssessmentAsync(null);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var mine = await RaiseAsync(id, "Renew the SOC 2 report", Roles.Reviewer, due);
        var muted = await RaiseAsync(id, "Sign the DPA", Roles.Viewer, due);
        await using (var db = await app.CreateDbContextAsync())
            await db.Users.Where(u => u.Id == app.UserIdOf(Roles.Viewer)).ExecuteUpdateAsync(s => s.SetProperty(u => u.NotificationMailsOff, true), Ct);
        try
        {
            await RunAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));

            Assert.Equal([app.UserIdOf(Roles.Reviewer)], await RecipientsAsync($"Finding due {due:yyyy-MM-dd}: Renew the SOC 2 report"));
            Assert.Empty(await RecipientsAsync($"Finding due {due:yyyy-MM-dd}: Sign the DPA"));
            await using var db = await app.CreateDbContextAsync();
            Assert.True(await db.SentReminders.AnyAsync(r => r.Key == $"finding-due-soon:{muted}:{due:yyyy-MM-dd}", Ct));
            Assert.True(await db.SentReminders.AnyAsync(r => r.Key == $"finding-due-soon:{mine}:{due:yyyy-MM-dd}", Ct));
        }
        finally
        {
            await using var db = await app.CreateDbContextAsync();
            await db.Users.Where(u => u.Id == app.UserIdOf(Roles.Viewer)).ExecuteUpdateAsync(s => s.SetProperty(u => u.NotificationMailsOff, false), Ct);
        }
    }

    [Fact]
    public async Task An_approved_assessment_reminds_its_assessor_when_the_reassessment_comes_due()
    {
        var (id, title) = await CreateAssessmentAsync(null);
        await using (var scope = app.ScopeAs(Roles.Assessor))
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().SubmitAsync(id, confirmIncomplete: true, Ct);
        await using (var scope = app.ScopeAs(Roles.Reviewer))
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().ReviewAsync(id, ReviewDecision.Approved, null, Ct);

        await RunAsync(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(400)));

        await using var db = await app.CreateDbContextAsync();
        var reminder = await db.OutboxMessages.SingleAsync(m => m.Kind == ReassessmentDueReminders.Kind && m.TextBody.Contains(title), Ct);
        Assert.Equal(app.UserIdOf(Roles.Assessor), reminder.RecipientUserId);
    }

    [Fact]
    public async Task Only_one_instance_gets_the_job_lease_and_the_job_runs_again_only_after_its_interval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(5));
        var leases = new JobLeases(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.VendorRiskDbContext>>(), clock);
        var job = $"test-{Guid.NewGuid():n}";
        var hour = TimeSpan.FromHours(1);

        var got = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => leases.TryAcquireAsync(job, $"instance-{i}", TimeSpan.FromMinutes(10), hour, Ct))));
        Assert.Single(got, g => g);
        var owner = $"instance-{Array.IndexOf(got, true)}";

        await leases.CompleteAsync(job, owner, ran: true);
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(await leases.TryAcquireAsync(job, "instance-9", TimeSpan.FromMinutes(10), hour, Ct));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await leases.TryAcquireAsync(job, "instance-9", TimeSpan.FromMinutes(10), hour, Ct));
    }

    [Fact]
    public async Task Evidence_expiring_within_30_days_reminds_the_assessor_once_per_file_and_date()
    {
        var (id, title) = await CreateAssessmentAsync(null);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var query = new EvidenceOf(new ExpiringEvidence(7001, "soc2-<2025>.pdf", today.AddDays(20), id, title, "Acme", app.UserIdOf(Roles.Assessor)),
            new ExpiringEvidence(7002, "dpa.pdf", today.AddDays(45), id, title, "Acme", app.UserIdOf(Roles.Assessor)));
        var services = app.Services;
        var source = new ExpiringEvidenceReminders([query], services.GetRequiredService<MailOutbox>(), services.GetRequiredService<PublicLinks>(),
            services.GetRequiredService<MailSettings>());
        var runner = new ReminderRunner(services.GetRequiredService<IDbContextFactory<Data.VendorRiskDbContext>>(), [source],
            new FakeTimeProvider(DateTimeOffset.UtcNow), Microsoft.Extensions.Logging.Abstractions.NullLogger<ReminderRunner>.Instance);

        await runner.RunAsync(Ct);
        await runner.RunAsync(Ct);

        Assert.Equal(today.AddDays(30), query.Until);
        Assert.Equal([app.UserIdOf(Roles.Assessor)], await RecipientsAsync($"Evidence expires {today.AddDays(20):yyyy-MM-dd}: soc2-<2025>.pdf"));
        await using var db = await app.CreateDbContextAsync();
        Assert.Contains("soc2-&lt;2025&gt;.pdf", (await db.OutboxMessages.SingleAsync(m => m.Kind == ExpiringEvidenceReminders.Kind && m.Subject.Contains("soc2"), Ct)).HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_evidence_file_expiring_within_30_days_reminds_the_assessor_through_the_app_s_own_query()
    {
        var (id, _) = await CreateAssessmentAsync(null);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var name = $"iso27001-{Guid.NewGuid():N}.pdf";
        await using (var db = await app.CreateDbContextAsync())
        {
            db.EvidenceFiles.Add(new EvidenceFile
            {
                AssessmentId = id, Name = name, ContentType = "application/pdf", Size = 4, Sha256 = new string('a', 64),
                UploadedById = app.UserIdOf(Roles.Assessor), UploadedByName = "Assessor", UploadedAt = DateTime.UtcNow,
                ValidUntil = today.AddDays(12), Content = new EvidenceFileContent { Bytes = "%PDF"u8.ToArray() },
            });
            await db.SaveChangesAsync(Ct);
        }

        await RunAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));

        Assert.Equal([app.UserIdOf(Roles.Assessor)], await RecipientsAsync($"Evidence expires {today.AddDays(12):yyyy-MM-dd}: {name}"));
    }

    [Fact]
    public async Task An_unanswered_invitation_reminds_its_contact_once_within_3_days_of_expiry_without_a_link()
    {
        var (id, title) = await CreateAssessmentAsync(null);
        var due = await app.InviteAsync(id, days: 2, email: $"due-{Guid.NewGuid():n}@vendor.example");
        var later = await app.InviteAsync(id, days: 14, email: $"later-{Guid.NewGuid():n}@vendor.example");
        var revoked = await app.InviteAsync(id, days: 2, email: $"revoked-{Guid.NewGuid():n}@vendor.example");
        var submitted = await app.InviteAsync(id, days: 2, email: $"submitted-{Guid.NewGuid():n}@vendor.example");
        await using (var db = await app.CreateDbContextAsync())
        {
            await db.PortalInvitations.Where(i => i.Id == revoked.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, DateTime.UtcNow), Ct);
            await db.PortalInvitations.Where(i => i.Id == submitted.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.SubmittedAt, DateTime.UtcNow), Ct);
        }

        await RunAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await RunAsync(new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2)));

        await using var check = await app.CreateDbContextAsync();
        var reminders = await check.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == PortalMails.InvitationReminderKind && m.TextBody.Contains(title)).ToListAsync(Ct);
        var reminder = Assert.Single(reminders);
        Assert.StartsWith("due-", reminder.ToAddress, StringComparison.Ordinal);
        Assert.Null(reminder.RecipientUserId);
        Assert.Contains("original invitation mail", reminder.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/portal/", reminder.TextBody + reminder.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(PortalTestSupportToken(due), reminder.TextBody + reminder.HtmlBody, StringComparison.Ordinal);
        Assert.False(await check.SentReminders.AnyAsync(r => r.Key.StartsWith($"portal-invitation-expiring:{later.Id}:"), Ct));
    }

    private static string PortalTestSupportToken(Web.Features.Portal.CreatedInvitation invitation) => PortalTestSupport.TokenOf(invitation);

    /// <summary>Evidence as the evidence-files feature would report it: those valid until a date inside the asked window.</summary>
    private sealed class EvidenceOf(params ExpiringEvidence[] all) : IExpiringEvidenceQuery
    {
        public DateOnly Until { get; private set; }

        public Task<IReadOnlyList<ExpiringEvidence>> FindExpiringAsync(Data.VendorRiskDbContext db, DateOnly from, DateOnly until, CancellationToken cancellationToken)
        {
            Until = until;
            return Task.FromResult<IReadOnlyList<ExpiringEvidence>>([.. all.Where(e => e.ValidUntil >= from && e.ValidUntil <= until)]);
        }
    }

    private async Task RunAsync(TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<ReminderRunner>(scope.ServiceProvider, clock).RunAsync(Ct);
    }

    private async Task<List<string?>> RecipientsAsync(string subject)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.OutboxMessages.Where(m => m.Subject == subject).Select(m => m.RecipientUserId).ToListAsync(Ct);
    }

    private async Task<(int Id, string Title)> CreateAssessmentAsync(DateOnly? due)
    {
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var vendorId = await TestData.CreateVendorAsync(app);
        var title = $"Reminder pilot {Guid.NewGuid():n}";
        await using var scope = app.ScopeAs(Roles.Assessor);
        var id = await scope.ServiceProvider.GetRequiredService<AssessmentService>()
            .CreateAsync(new CreateAssessmentRequest(vendorId, TestData.Frontier, Title: title, DueDate: due), Ct);
        return (id, title);
    }

    private async Task<int> RaiseAsync(int assessmentId, string title, string ownerRole, DateOnly due)
    {
        await using var scope = app.ScopeAs(Roles.Assessor);
        return await scope.ServiceProvider.GetRequiredService<VendorRisk.Web.Infrastructure.UseCases.UseCasePipeline>().RunAsync(new RaiseFindingRequest
        {
            AssessmentId = assessmentId,
            Title = title,
            Severity = FindingSeverity.High,
            OwnerId = app.UserIdOf(ownerRole),
            DueDate = due,
        }, Ct);
    }
}
