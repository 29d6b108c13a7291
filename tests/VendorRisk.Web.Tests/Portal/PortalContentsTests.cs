using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using VendorRisk.Web.Features.Portal;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Portal;

/// <summary>
/// The portal is one long page (seventy-odd questions): its contents name each section with how many of its questions
/// the vendor has answered, and jump to the section's first question.
/// </summary>
public sealed class PortalContentsTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? Attribute(IElement element, string name) => element.GetAttribute(name);

    [Fact]
    public async Task The_contents_count_each_sections_answers_and_link_to_its_first_question()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        using var _client = client;
        Assert.True((await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "restricted")).IsSuccessStatusCode);
        // A comment alone is not an answer.
        Assert.True((await PortalTestSupport.SaveAsync(client, "security-attestation", [new("comment", "Report follows.")], 0)).IsSuccessStatusCode);

        using var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(PortalPaths.Questionnaire, Ct));

        var forms = page.QuerySelectorAll("form[data-portal-autosave]").ToList();
        var rows = page.QuerySelectorAll("#portal-contents li[data-portal-contents]").ToList();
        Assert.Equal(forms.Select(f => Attribute(f, "data-portal-section")).Distinct(), rows.Select(r => Attribute(r, "data-portal-contents")));
        foreach (var row in rows)
        {
            var section = forms.Where(f => Attribute(f, "data-portal-section") == Attribute(row, "data-portal-contents")).ToList();
            Assert.Equal(PortalPaths.Questionnaire + "#" + section[0].Id, Attribute(row.QuerySelector("a")!, "href"));
            var answered = section.Count(f => Attribute(f, "data-answered") == "true");
            Assert.Equal($"{answered} of {section.Count}", row.QuerySelector("[data-portal-section-count]")!.TextContent);
            Assert.Equal(answered == section.Count, row.ClassList.Contains("portal-contents-done"));
        }

        Assert.Equal(["q-buyer-eligibility"], forms.Where(f => Attribute(f, "data-answered") == "true").Select(f => f.Id));
        var eligibility = rows.Single(r => Attribute(r.QuerySelector("a")!, "href") == PortalPaths.Questionnaire + "#q-buyer-eligibility");
        Assert.StartsWith("1 of ", eligibility.QuerySelector("[data-portal-section-count]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"1 of {forms.Count} questions answered.", page.GetElementById("portal-progress")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#portal-contents a[href='{PortalPaths.Questionnaire}#portal-submit-form']"));
        // Under the page's <base href="/"> a bare "#…" would lead to the app's sign-in page.
        Assert.Equal(PortalPaths.Questionnaire + "#main-content", Attribute(page.QuerySelector("a.vr-skip-link")!, "href"));
    }
}
