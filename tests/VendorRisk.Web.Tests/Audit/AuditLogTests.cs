using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Audit;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Audit;

public sealed class AuditLogTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    private const string Action = "audit-paging-probe";

    private async Task<int> SeedAsync(int count)
    {
        await using var db = await App.CreateDbContextAsync();
        if (!await db.AuditEntries.AnyAsync(e => e.Action == Action))
        {
            for (var i = 0; i < count; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = DateTime.UtcNow, UserName = "Probe", Action = Action, EntityType = AuditEntityTypes.Vendor,
                    EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Summary = $"Probe entry {i}",
                    NewValue = i == 0 ? "=HYPERLINK(\"http://example.com\")" : null,
                });
            }

            await db.SaveChangesAsync();
        }

        return await db.AuditEntries.CountAsync();
    }

    [Fact]
    public async Task Each_change_reads_as_a_sentence_without_raw_json_or_kebab_case_ids()
    {
        await using (var db = await App.CreateDbContextAsync())
        {
            // Dated ahead so that it is the first row of the newest-first log.
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTime.UtcNow.AddYears(5), UserName = "Ana", Action = "workspace-settings-changed", EntityType = AuditEntityTypes.QuestionSet,
                EntityId = "sentence-probe", Summary = "Settings changed",
                OldValue = """{"budgetCaps":"per-key"}""", NewValue = """{"budgetCaps":"per-organisation"}""",
            });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        SignInAs(Roles.Admin);
        RenderProviders();
        var cut = Render<AuditPage>();

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("#audit-table tbody tr");
            var text = System.Text.RegularExpressions.Regex.Replace(row.TextContent, @"\s+", " ");
            Assert.Contains("Ana changed Budget caps from Per key to Per organisation", text, StringComparison.Ordinal);
            Assert.Contains("Workspace settings changed", text, StringComparison.Ordinal);
            Assert.Contains("Question set", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.DoesNotContain("per-key", text, StringComparison.Ordinal);
            Assert.DoesNotContain("workspace-settings-changed", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_guid_entity_id_shows_its_first_eight_characters_and_keeps_the_whole_id_in_its_title()
    {
        var id = Guid.NewGuid().ToString();
        await using (var db = await App.CreateDbContextAsync())
        {
            db.AuditEntries.Add(new AuditEntry
            {
                // Dated ahead, but behind the sentence probe's entry, which another test expects first.
                At = DateTime.UtcNow.AddYears(4), UserName = "Ana", Action = "sign-in", EntityType = AuditEntityTypes.Security,
                EntityId = id, Summary = "Signed in",
            });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        SignInAs(Roles.Admin);
        RenderProviders();
        var cut = Render<AuditPage>();

        cut.WaitForAssertion(() =>
        {
            var shown = cut.Find($"#audit-table tbody tr .vr-entity-id[title='{id}']");
            Assert.Equal(id[..8] + "…", shown.TextContent.Trim());
            Assert.Equal(id, shown.GetAttribute("title"));
        });
        Assert.Equal("12/exit-plan", AuditSentences.ShortId("12/exit-plan"));
        Assert.Equal("42", AuditSentences.ShortId("42"));
        Assert.Equal("{" + id + "}", AuditSentences.ShortId("{" + id + "}")); // only the stored form is shortened
    }

    [Fact]
    public async Task Every_entry_is_reachable_page_by_page()
    {
        var total = await SeedAsync(98);
        SignInAs(Roles.Admin);
        RenderProviders();
        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Contains($"of {total}", cut.Find("#audit-pager").TextContent, StringComparison.Ordinal));

        var seen = new List<string>();
        for (var page = 0; page < 20; page++)
        {
            cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#audit-table tbody tr")));
            seen.AddRange(cut.FindAll("#audit-table tbody tr").Select(r => r.TextContent));
            var next = cut.FindAll("#audit-pager button[aria-label='Next page']");
            if (next.Count == 0 || next[0].HasAttribute("disabled"))
                break;
            var before = cut.Find("#audit-table tbody tr").TextContent;
            next[0].Click();
            cut.WaitForAssertion(() => Assert.NotEqual(before, cut.Find("#audit-table tbody tr").TextContent));
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(98, seen.Count(r => r.Contains("Probe entry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_filtered_log_exports_as_CSV_for_Admins_only()
    {
        await SeedAsync(98);
        using var admin = await App.SignedInClientAsync(Roles.Admin);
        var response = await admin.GetAsync(AuditCsvExport.UrlFor(new AuditQuery(Action: Action)), Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 98, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(Action, l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("'=HYPERLINK", StringComparison.Ordinal));

        using var viewer = await App.SignedInClientAsync(Roles.Viewer);
        var refused = await viewer.GetAsync(AuditCsvExport.Path, Xunit.TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}

/// <summary>How an answer's audit entry reads: what was given or changed, not the record's bookkeeping.</summary>
public sealed class AnswerAuditSentenceTests
{
    private const string Given = """{"questionKey":"deprecation-notice","choice":"under-thirty-days","choices":null,"number":null,"text":null,"notApplicable":false,"justification":null,"note":null,"evidence":null,"hasValue":true}""";
    private const string Declined = """{"questionKey":"deprecation-notice","choice":"declined","choices":null,"number":null,"text":null,"notApplicable":false,"justification":null,"note":null,"evidence":null,"hasValue":true}""";

    private static AuditRecord Entry(string? oldValue, string newValue) =>
        new(1, DateTime.UtcNow, null, "Demo Assessor", "answer-saved", "answer", "6/deprecation-notice", "Answer changed", oldValue, newValue, false);

    [Fact]
    public void A_new_answer_says_what_was_chosen_and_nothing_of_its_key_defaults_or_bookkeeping() =>
        Assert.Equal(["Demo Assessor set Choice to Under thirty days"], AuditSentences.Of(Entry(null, Given)));

    [Fact]
    public void A_one_word_option_reads_as_a_word_like_the_others() =>
        Assert.Equal(["Demo Assessor changed Choice from Under thirty days to Declined"], AuditSentences.Of(Entry(Given, Declined)));

    [Fact]
    public void Only_an_answer_leaves_out_its_key_and_defaults()
    {
        var finding = new AuditRecord(2, DateTime.UtcNow, null, "Rita Reviewer", "finding-raised", "finding", "6/12", "Finding raised", null,
            """{"questionKey":"exit-plan","title":"Sign the exit clause","isCondition":false}""", false);

        Assert.Equal(["Rita Reviewer set Question key to Exit plan", "Rita Reviewer set Title to Sign the exit clause", "Rita Reviewer set Is condition to no"],
            AuditSentences.Of(finding));
    }

    [Fact]
    public void Evidence_names_its_source_as_the_wizard_does_not_by_its_stored_number()
    {
        var withEvidence = Given.Replace("\"evidence\":null", "\"evidence\":{\"description\":\"SOC 2 report\",\"source\":3,\"date\":\"2026-06-30\"}", StringComparison.Ordinal);

        Assert.Equal(["Demo Assessor set Evidence to Description: SOC 2 report; Source: Independent test; Date: 2026-06-30"],
            AuditSentences.Of(Entry(Given, withEvidence)));
    }

    [Fact]
    public void Marking_an_answer_not_applicable_is_said()
    {
        var notApplicable = Declined.Replace("\"choice\":\"declined\"", "\"choice\":null", StringComparison.Ordinal)
            .Replace("\"notApplicable\":false", "\"notApplicable\":true", StringComparison.Ordinal);

        Assert.Equal(["Demo Assessor removed Choice (Declined)", "Demo Assessor changed Not applicable from no to yes"],
            AuditSentences.Of(Entry(Declined, notApplicable)));
    }
}

public sealed class AuditWordsTests
{
    [Theory]
    [InlineData("question-set", "Question set")]
    [InlineData("api-token", "API token")]
    [InlineData("api-token-created", "API token created")]
    [InlineData("answer", "Answer")]
    [InlineData("vendorUpdated", "Vendor updated")]
    public void Ids_read_as_words(string id, string words) => Assert.Equal(words, AuditSentences.Words(id));
}
