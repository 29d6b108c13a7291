using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Mail;
using VendorRisk.Web.Tests.Infrastructure;
using VendorRisk.Web.Tests.Mail;

namespace VendorRisk.Web.Tests.Portal;

/// <summary>
/// Issue 18: inviting queues the invitation mail (its link from the configured public base URL) with the invitation,
/// and submitting queues the "vendor submitted" mail to the assessor with the submission.
/// </summary>
public sealed class PortalMailTests(MailWorkflowFixture app) : IClassFixture<MailWorkflowFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inviting_queues_the_invitation_mail_whose_link_starts_with_the_public_base_url_and_opens_the_portal()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var email = $"contact-{Guid.NewGuid():n}@vendor.example";

        var invitation = await app.InviteAsync(draft, email: email);

        Assert.StartsWith($"{MailWorkflowFixture.PublicBaseUrl}portal/open/", invitation.Link, StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        var mail = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email, Ct);
        Assert.Equal(PortalMails.InvitationKind, mail.Kind);
        Assert.Equal("Jane Vendor", mail.ToName);
        Assert.Contains(invitation.Link, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{invitation.Link}\"", mail.HtmlBody, StringComparison.Ordinal);

        var (_, opened, _) = await app.OpenAsync(app.BaseAddress + invitation.Link[MailWorkflowFixture.PublicBaseUrl.Length..]);
        Assert.Equal(Features.Portal.PortalPaths.Questionnaire, opened.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Submitting_through_the_portal_mails_the_assessor_once()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(app.BaseAddress + invitation.Link[MailWorkflowFixture.PublicBaseUrl.Length..]);
        await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "restricted");

        await PortalTestSupport.SubmitAsync(client);

        await using var db = await app.CreateDbContextAsync();
        var mails = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == PortalMails.VendorSubmittedKind && m.TextBody.Contains($"{MailWorkflowFixture.PublicBaseUrl}assessments/{draft}")).ToListAsync(Ct);
        var mail = Assert.Single(mails);
        Assert.Equal(app.UserIdOf(Roles.Assessor), mail.RecipientUserId);
        Assert.Contains("Jane Vendor submitted 1 answers", mail.TextBody, StringComparison.Ordinal);
    }
}
