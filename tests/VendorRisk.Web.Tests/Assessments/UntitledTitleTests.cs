using Bunit;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>
/// A title stored before the input rules, of invisible characters only. A fixture of its own: the title would sort
/// first in every other list test that shares a database.
/// </summary>
public sealed class UntitledTitleTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_assessments_list_shows_a_title_stored_as_invisible_characters_as_untitled()
    {
        var id = await TestData.CreateDraftAsync(App);
        await using (var db = await App.CreateDbContextAsync())
            await db.Assessments.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, "\u200B"), Xunit.TestContext.Current.CancellationToken);
        SignInAs(Roles.Viewer);
        RenderProviders();

        var cut = Render<AssessmentsPage>();

        cut.WaitForAssertion(() => Assert.Equal(TextRules.Untitled, cut.Find($"a[href=\"/assessments/{id}\"]").TextContent.Trim()));
    }
}
