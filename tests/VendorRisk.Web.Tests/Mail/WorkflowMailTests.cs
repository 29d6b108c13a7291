using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Mail;

/// <summary>The app with a public base URL of its own, so a test sees that links never come from the request.</summary>
public sealed class MailWorkflowFixture : WebAppFixture
{
    public const string PublicBaseUrl = "https://vendorrisk.example.test/app/";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["VendorRisk:Mail:PublicBaseUrl"] = PublicBaseUrl,
        ["VendorRisk:Mail:Sender:PollSeconds"] = "1",
    };
}

public sealed class WorkflowMailTests(MailWorkflowFixture app) : IClassFixture<MailWorkflowFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submitting_over_the_api_mails_every_reviewer_but_not_the_assessor_with_a_link_from_the_public_base_url()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        assessor.DefaultRequestHeaders.Host = "attacker.example";
        var (id, title) = await CreateDraftAsync(assessor);

        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);

        foreach (var role in new[] { Roles.Reviewer, Roles.Admin })
        {
            var mail = await MailFiles.WaitForAsync(app.MailPickupFolder, m => IsTo(m, role) && m.Subject == $"Assessment submitted for review: {title}");
            Assert.Contains($"{MailWorkflowFixture.PublicBaseUrl}assessments/{id}", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains($"href=\"{MailWorkflowFixture.PublicBaseUrl}assessments/{id}\"", mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;", mail.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("attacker.example", mail.HtmlBody, StringComparison.Ordinal);
        }
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.RecipientUserId == app.UserIdOf(Roles.Assessor) && m.Subject.Contains(title), Ct));
    }

    [Fact]
    public async Task Returning_and_deciding_over_the_api_mail_the_assessor_with_the_reviewers_comment()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var (id, title) = await CreateDraftAsync(assessor);
        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);

        await ApiScenario.ExpectAsync(await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review",
            new { decision = "returned", comment = "Answer the <pricing> section." }, Ct), HttpStatusCode.OK);
        var returned = await MailFiles.WaitForAsync(app.MailPickupFolder, m => IsTo(m, Roles.Assessor) && m.Subject == $"Assessment returned for changes: {title}");
        Assert.Contains("> Answer the <pricing> section.", returned.TextBody, StringComparison.Ordinal);
        Assert.Contains("Answer the &lt;pricing&gt; section.", returned.HtmlBody, StringComparison.Ordinal);

        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);
        await ApiScenario.ExpectAsync(await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/review", new { decision = "rejected", comment = "No SOC 2." }, Ct), HttpStatusCode.OK);
        var decided = await MailFiles.WaitForAsync(app.MailPickupFolder, m => IsTo(m, Roles.Assessor) && m.Subject == $"Assessment rejected: {title}");
        Assert.Contains("rejected", decided.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_who_turned_notification_mails_off_gets_none_while_the_others_still_do()
    {
        await using (var db = await app.CreateDbContextAsync())
            await db.Users.Where(u => u.Id == app.UserIdOf(Roles.Admin)).ExecuteUpdateAsync(s => s.SetProperty(u => u.NotificationMailsOff, true), Ct);
        try
        {
            using var assessor = await app.ApiClientAsync(Roles.Assessor);
            var (id, title) = await CreateDraftAsync(assessor);

            await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);

            await MailFiles.WaitForAsync(app.MailPickupFolder, m => IsTo(m, Roles.Reviewer) && m.Subject!.EndsWith(title, StringComparison.Ordinal));
            await using var db = await app.CreateDbContextAsync();
            var recipients = await db.OutboxMessages.Where(m => m.Subject.EndsWith(title)).Select(m => m.RecipientUserId).ToListAsync(Ct);
            Assert.Equal([app.UserIdOf(Roles.Reviewer)], recipients);
        }
        finally
        {
            await using var db = await app.CreateDbContextAsync();
            await db.Users.Where(u => u.Id == app.UserIdOf(Roles.Admin)).ExecuteUpdateAsync(s => s.SetProperty(u => u.NotificationMailsOff, false), Ct);
        }
    }

    private bool IsTo(MimeMessage message, string role) =>
        message.To.Mailboxes.Any(a => a.Address == WebAppFixture.EmailOf(role));

    private async Task<(int Id, string Title)> CreateDraftAsync(HttpClient assessor)
    {
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var vendorId = await assessor.CreateVendorAsync();
        var title = $"Pilot <b>{Guid.NewGuid():n}</b>";
        var response = await assessor.PostAsJsonAsync("/api/v1/assessments", new { vendorId, questionSetKey = TestData.Frontier, title }, Ct);
        await ApiScenario.ExpectAsync(response, HttpStatusCode.Created);
        return ((await response.ReadJsonAsync()).GetProperty("id").GetInt32(), title);
    }
}
