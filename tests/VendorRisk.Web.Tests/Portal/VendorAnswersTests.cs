using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Portal;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Portal;

/// <summary>
/// Issue 18: the vendor's answers autosave with versions into a staging table, and reach the assessment only when
/// the analyst accepts them, through the normal answer-saving path (versions, audit, editing rights).
/// </summary>
public sealed class VendorAnswersTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Draft, CreatedInvitation Invitation, HttpClient Client)> OpenDraftAsync()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        return (draft, invitation, client);
    }

    [Fact]
    public async Task Autosave_keeps_every_answer_across_a_reload_and_refuses_a_stale_version()
    {
        var (_, _, client) = await OpenDraftAsync();
        using var _client = client;

        var first = await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "restricted");
        var second = await PortalTestSupport.SaveAsync(client, "buyer-eligibility", [new("choice", "declined"), new("comment", "Our counsel says so.")], 1);
        var stale = await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "unconfirmed", 1);
        var number = await PortalTestSupport.SaveAsync(client, "price-input", [new("number", "2.5")], 0);
        var page = await client.GetStringAsync(PortalPaths.Questionnaire, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, number.StatusCode);
        var question = page.Split("id=\"q-buyer-eligibility\"")[1].Split("</form>")[0];
        Assert.Matches("value=\"declined\"[^>]*checked", question);
        Assert.Contains("Our counsel says so.", question, StringComparison.Ordinal);
        Assert.Contains("name=\"expectedVersion\" value=\"2\"", question, StringComparison.Ordinal);
        Assert.Contains("value=\"2.5\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vendor_sees_each_question_but_never_the_assessors_guidance_on_what_a_strong_answer_is()
    {
        var (_, _, client) = await OpenDraftAsync();
        using var _client = client;

        var page = await client.GetStringAsync(PortalPaths.Questionnaire, Ct);

        var question = page.Split("id=\"q-buyer-eligibility\"")[1].Split("</form>")[0];
        Assert.Contains("Is any entity of the buyer", question, StringComparison.Ordinal);
        Assert.DoesNotContain("Strong: the buyer has mapped its group", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Strong:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_answers_are_refused_with_the_reason_and_nothing_is_stored()
    {
        var (_, invitation, client) = await OpenDraftAsync();
        using var _client = client;

        var unknownOption = await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "no-such-option");
        var notANumber = await PortalTestSupport.SaveAsync(client, "price-input", [new("number", "cheap")], 0);
        var unknownQuestion = await PortalTestSupport.SaveChoiceAsync(client, "no-such-question", "x");
        var noJs = await PortalTestSupport.SaveAsync(client, "buyer-eligibility", [new("choice", "no-such-option")], 0, json: false);

        Assert.Equal(HttpStatusCode.BadRequest, unknownOption.StatusCode);
        Assert.Contains("is not an option", (await unknownOption.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownQuestion.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, noJs.StatusCode);
        Assert.Contains("failed=buyer-eligibility", noJs.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.VendorAnswers.AnyAsync(a => a.InvitationId == invitation.Id, Ct));
    }

    [Fact]
    public async Task After_submitting_the_answers_are_read_only_and_the_analyst_sees_them_beside_the_current_ones()
    {
        var (draft, invitation, client) = await OpenDraftAsync();
        using var _client = client;
        await using (var scope = app.ScopeAs(Roles.Assessor))
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().SaveAnswersAsync(draft, [TestData.Choice("buyer-eligibility", "unconfirmed")], Ct);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalTestSupport.SubmitAsync(client)).StatusCode);
        await using (var db = await app.CreateDbContextAsync())
            Assert.Null((await db.PortalInvitations.SingleAsync(i => i.Id == invitation.Id, Ct)).SubmittedAt);

        await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "restricted");
        await PortalTestSupport.SaveAsync(client, "substitutability", [new("choice", "portable"), new("comment", "Open weights.")], 0);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalTestSupport.SubmitAsync(client)).StatusCode);
        var late = await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "declined", 1);
        var page = await client.GetStringAsync(PortalPaths.Questionnaire, Ct);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("id=\"portal-submitted\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"portal-submit\"", page, StringComparison.Ordinal);
        await using var reader = app.ScopeAs(Roles.Viewer);
        var rows = await reader.ServiceProvider.GetRequiredService<VendorAnswerReviewService>().ListAsync(draft, Ct);
        Assert.Equal(["buyer-eligibility", "substitutability"], rows.Select(r => r.QuestionKey));
        Assert.Equal("restricted", rows[0].Vendor.Choice);
        Assert.Equal("unconfirmed", rows[0].Current!.Choice);
        Assert.Equal(1, rows[0].CurrentVersion);
        Assert.Equal("Open weights.", rows[1].Comment);
        Assert.All(rows, r => Assert.Equal(VendorAnswerReview.Pending, r.Review));
        await using var check = await app.CreateDbContextAsync();
        Assert.Equal("unconfirmed", (await check.Answers.SingleAsync(a => a.AssessmentId == draft, Ct)).Choice);
    }

    [Fact]
    public async Task Accepting_writes_through_the_answer_path_as_a_vendor_attestation_and_rejecting_changes_nothing()
    {
        var (draft, invitation, client) = await OpenDraftAsync();
        using var _client = client;
        await using (var scope = app.ScopeAs(Roles.Assessor))
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().SaveAnswersAsync(draft,
                [new(new AnswerValue { QuestionKey = "buyer-eligibility", Choice = "unconfirmed", Note = "Keep this note." })], Ct);
        await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "restricted");
        await PortalTestSupport.SaveChoiceAsync(client, "vendor-sanctions-screening", "declined");
        await PortalTestSupport.SaveChoiceAsync(client, "substitutability", "portable");
        await PortalTestSupport.SaveAsync(client, "price-input", [new("number", "3")], 0);
        await PortalTestSupport.SubmitAsync(client);

        await using var scope2 = app.ScopeAs(Roles.Assessor);
        var review = scope2.ServiceProvider.GetRequiredService<VendorAnswerReviewService>();
        var rows = (await review.ListAsync(draft, Ct)).ToDictionary(r => r.QuestionKey);
        await review.AcceptAsync(draft, [new VendorAnswerDecision(rows["buyer-eligibility"].Id, rows["buyer-eligibility"].CurrentVersion)], Ct);
        await review.AcceptAsync(draft, [new VendorAnswerDecision(rows["price-input"].Id, 0, new AnswerValue { QuestionKey = "price-input", Number = 2.75 })], Ct);
        await review.RejectAsync(draft, [rows["vendor-sanctions-screening"].Id], Ct);
        var twice = await Assert.ThrowsAsync<ConflictException>(() =>
            review.AcceptAsync(draft, [new VendorAnswerDecision(rows["vendor-sanctions-screening"].Id, 0)], Ct));

        await using var db = await app.CreateDbContextAsync();
        var answers = await db.Answers.Where(a => a.AssessmentId == draft).ToDictionaryAsync(a => a.QuestionKey, Ct);
        Assert.Equal("restricted", answers["buyer-eligibility"].Choice);
        Assert.Equal(2, answers["buyer-eligibility"].Version);
        Assert.Equal("Keep this note.", answers["buyer-eligibility"].Note);
        Assert.Equal(EvidenceSource.VendorAttestation, answers["buyer-eligibility"].EvidenceSource);
        Assert.Contains("Jane Vendor", answers["buyer-eligibility"].EvidenceDescription, StringComparison.Ordinal);
        Assert.Equal(2.75, answers["price-input"].Number);
        Assert.Contains("edited on review", answers["price-input"].EvidenceDescription, StringComparison.Ordinal);
        Assert.False(answers.ContainsKey("vendor-sanctions-screening"));
        Assert.False(answers.ContainsKey("substitutability"));
        Assert.Contains("rejected", twice.Message, StringComparison.Ordinal);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == Data.AuditEntityTypes.Answer && e.EntityId == $"{draft}/buyer-eligibility", Ct));
        var reviewed = await db.VendorAnswers.Where(a => a.InvitationId == invitation.Id).ToDictionaryAsync(a => a.QuestionKey, a => a.Review, Ct);
        Assert.Equal(VendorAnswerReview.Accepted, reviewed["buyer-eligibility"]);
        Assert.Equal(VendorAnswerReview.Edited, reviewed["price-input"]);
        Assert.Equal(VendorAnswerReview.Rejected, reviewed["vendor-sanctions-screening"]);
        Assert.Equal(VendorAnswerReview.Pending, reviewed["substitutability"]);
    }

    [Fact]
    public async Task Accepting_never_overwrites_an_answer_the_analyst_changed_since_it_was_shown()
    {
        var (draft, _, client) = await OpenDraftAsync();
        using var _client = client;
        await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "restricted");
        await PortalTestSupport.SaveChoiceAsync(client, "exit-plan", "none");
        await PortalTestSupport.SubmitAsync(client);
        await using var scope = app.ScopeAs(Roles.Assessor);
        var review = scope.ServiceProvider.GetRequiredService<VendorAnswerReviewService>();
        var shown = await review.ListAsync(draft, Ct);
        // The analyst answers the question after the list was shown.
        await scope.ServiceProvider.GetRequiredService<AssessmentService>().SaveAnswersAsync(draft, [TestData.Choice("buyer-eligibility", "unconfirmed")], Ct);

        await Assert.ThrowsAsync<ConflictException>(() => review.AcceptAsync(draft, shown.Select(r => new VendorAnswerDecision(r.Id, r.CurrentVersion)).ToList(), Ct));

        await using var db = await app.CreateDbContextAsync();
        var answers = await db.Answers.Where(a => a.AssessmentId == draft).ToListAsync(Ct);
        Assert.Equal("unconfirmed", Assert.Single(answers).Choice);
        Assert.All(await review.ListAsync(draft, Ct), r => Assert.Equal(VendorAnswerReview.Pending, r.Review));
    }

    [Fact]
    public async Task Only_whoever_may_edit_the_draft_invites_revokes_and_reviews()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        await using var reviewer = app.ScopeAs(Roles.Reviewer);
        await using var viewer = app.ScopeAs(Roles.Viewer);
        await using var admin = app.ScopeAs(Roles.Admin);

        // A Reviewer outranks an Assessor but is not the draft's assessor (docs/decisions/0009).
        await Assert.ThrowsAsync<ForbiddenException>(() => app.InviteAsync(draft, Roles.Reviewer));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.InviteAsync(draft, Roles.Viewer));
        await Assert.ThrowsAsync<ForbiddenException>(() => reviewer.ServiceProvider.GetRequiredService<InvitationService>().RevokeAsync(invitation.Id, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => reviewer.ServiceProvider.GetRequiredService<VendorAnswerReviewService>().RejectAsync(draft, [], Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.ServiceProvider.GetRequiredService<VendorAnswerReviewService>().AcceptAsync(draft, [], Ct));
        await admin.ServiceProvider.GetRequiredService<InvitationService>().RevokeAsync(invitation.Id, Ct);
        Assert.Equal(InvitationStatus.Revoked, (await viewer.ServiceProvider.GetRequiredService<InvitationService>().ListAsync(draft, Ct)).Single().Status);
    }

    [Theory]
    [InlineData(0, "jane@vendor.example", "days")]
    [InlineData(31, "jane@vendor.example", "days")]
    [InlineData(14, "not an address", "contactEmail")]
    [InlineData(14, "jane@localhost", "contactEmail")]
    public async Task An_invitation_needs_an_email_address_and_1_to_30_days(int days, string email, string field)
    {
        var draft = await TestData.CreateDraftAsync(app);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.InviteAsync(draft, days: days, email: email));

        Assert.Equal([field], refused.Errors.Keys);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.PortalInvitations.AnyAsync(i => i.AssessmentId == draft, Ct));
    }

    [Fact]
    public async Task A_link_lasts_the_days_asked_and_its_status_follows_its_life()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft, days: 3);
        await using var viewer = app.ScopeAs(Roles.Viewer);
        var invitations = viewer.ServiceProvider.GetRequiredService<InvitationService>();

        var pending = (await invitations.ListAsync(draft, Ct)).Single();
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        client.Dispose();
        var opened = (await invitations.ListAsync(draft, Ct)).Single();
        await app.ExpireAsync(invitation.Id);
        var expired = (await invitations.ListAsync(draft, Ct)).Single();

        Assert.Equal(InvitationStatus.Pending, pending.Status);
        Assert.InRange(pending.ExpiresAt - pending.CreatedAt, TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(3) + TimeSpan.FromSeconds(1));
        Assert.Equal(InvitationStatus.Opened, opened.Status);
        Assert.Equal(InvitationStatus.Expired, expired.Status);
    }
}
