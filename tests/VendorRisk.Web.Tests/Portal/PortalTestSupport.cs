using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Portal;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Portal;

/// <summary>Invitations made through the real handler, and a vendor's browser as a raw HTTP client of the real server.</summary>
public static class PortalTestSupport
{
    public static async Task<CreatedInvitation> InviteAsync(this WebAppFixture app, int assessmentId, string role = Roles.Assessor, int days = 14,
        string name = "Jane Vendor", string email = "jane@vendor.example")
    {
        await using var scope = app.ScopeAs(role);
        return await scope.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(new InviteVendorRequest
        {
            AssessmentId = assessmentId, ContactName = name, ContactEmail = email, Days = days,
        });
    }

    public static string TokenOf(CreatedInvitation invitation) => invitation.Link[(invitation.Link.LastIndexOf('/') + 1)..];

    /// <summary>A fresh client that followed the link: it holds the portal cookie (if the link opened).</summary>
    public static async Task<(HttpClient Client, HttpResponseMessage Opened, CookieContainer Cookies)> OpenAsync(this WebAppFixture app, string link)
    {
        var cookies = new CookieContainer();
        var client = app.CreateRawClient(cookies);
        var opened = await client.GetAsync(new Uri(link).PathAndQuery, TestContext.Current.CancellationToken);
        return (client, opened, cookies);
    }

    public static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string questionKey, IEnumerable<KeyValuePair<string, string>> fields,
        int expectedVersion, bool json = true)
    {
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, PortalPaths.Questionnaire);
        using var request = new HttpRequestMessage(HttpMethod.Post, PortalPaths.Answers)
        {
            Content = new FormUrlEncodedContent(fields.Concat(
            [
                new("__RequestVerificationToken", token), new("questionKey", questionKey),
                new("expectedVersion", expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ])),
        };
        if (json)
            request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> SaveChoiceAsync(HttpClient client, string questionKey, string choice, int expectedVersion = 0) =>
        SaveAsync(client, questionKey, [new("choice", choice)], expectedVersion);

    /// <summary>Posts one file to a question as the portal page's form does (multipart, antiforgery), without following the redirect.</summary>
    public static async Task<HttpResponseMessage> AttachAsync(HttpClient client, string questionKey, byte[] bytes, string fileName)
    {
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, PortalPaths.Questionnaire);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(questionKey), "questionKey" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync(PortalPaths.Files, content, TestContext.Current.CancellationToken);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client)
    {
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, PortalPaths.Questionnaire);
        return await client.PostAsync(PortalPaths.Submit, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken);
    }

    public static async Task ExpireAsync(this WebAppFixture app, int invitationId)
    {
        await using var db = await app.CreateDbContextAsync();
        await db.PortalInvitations.Where(i => i.Id == invitationId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), TestContext.Current.CancellationToken);
    }
}
