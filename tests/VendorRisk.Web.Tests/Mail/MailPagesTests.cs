using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Mail;
using VendorRisk.Web.Features.Tokens;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Infrastructure.Errors;
using VendorRisk.Web.Infrastructure.UseCases;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Mail;

public sealed class MailPagesTests(OutboxFixture app) : PageTestBase(app), IClassFixture<OutboxFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Turning_notification_mails_off_on_the_account_page_changes_only_the_signed_in_user_and_is_audited()
    {
        SignInAs(Roles.Assessor);
        RenderProviders();
        var cut = Render<AccountPage>();
        cut.WaitForElement("#notification-mails input, input#notification-mails");

        await cut.InvokeAsync(() => cut.Find("#notification-mails input, input#notification-mails").Change(false));

        cut.WaitForAssertion(() => Assert.Contains("Notification mails are off", cut.Find("#mail-preferences").TextContent, StringComparison.Ordinal));
        await using var db = await App.CreateDbContextAsync();
        var off = await db.Users.Where(u => u.NotificationMailsOff).Select(u => u.Id).ToListAsync(Ct);
        Assert.Equal([App.UserIdOf(Roles.Assessor)], off);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "mail-preference-changed" && e.EntityId == App.UserIdOf(Roles.Assessor), Ct));
        await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.NotificationMailsOff, false), Ct);
    }

    [Fact]
    public async Task An_admin_sees_a_failed_mail_with_its_error_and_sends_it_again()
    {
        var id = await FailedMailAsync();
        SignInAs(Roles.Admin);
        RenderProviders();
        var cut = Render<MailOutboxPage>();
        cut.WaitForElement($"#retry-mail-{id}");
        Assert.Contains("550 no such mailbox", cut.Find("#failed-mails").TextContent, StringComparison.Ordinal);
        Assert.Contains("The sender deletes a sent mail 30 days after it went out, and a failed one 90 days after its last try.", System.Text.RegularExpressions.Regex.Replace(cut.Markup, @"\s+", " "), StringComparison.Ordinal);

        await cut.InvokeAsync(() => cut.Find($"#retry-mail-{id}").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"#retry-mail-{id}")));
        await using var db = await App.CreateDbContextAsync();
        var row = await db.OutboxMessages.SingleAsync(m => m.Id == id, Ct);
        Assert.Equal((OutboxStatus.Pending, 0), (row.Status, row.Attempts));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "mail-retried" && e.EntityId == id.ToString(), Ct));
    }

    [Fact]
    public async Task Only_an_admin_reads_the_outbox_or_sends_a_mail_again()
    {
        var id = await FailedMailAsync();
        foreach (var role in new[] { Roles.Reviewer, Roles.Assessor, Roles.Viewer })
        {
            await using var scope = App.ScopeAs(role);
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxAdmin>();
            await Assert.ThrowsAsync<ForbiddenException>(() => outbox.ListAsync(OutboxStatus.Failed, Ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<UseCasePipeline>().RunAsync(new RetryMailRequest(id), Ct));
        }
        await using var db = await App.CreateDbContextAsync();
        Assert.Equal(OutboxStatus.Failed, (await db.OutboxMessages.SingleAsync(m => m.Id == id, Ct)).Status);
    }

    private async Task<long> FailedMailAsync()
    {
        var ids = await app.EnqueueAsync($"failed-{Guid.NewGuid():n}");
        await using var db = await App.CreateDbContextAsync();
        await db.OutboxMessages.Where(m => m.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed)
            .SetProperty(m => m.Attempts, 6).SetProperty(m => m.LastError, "SmtpCommandException: 550 no such mailbox"), Ct);
        return ids[0];
    }
}
