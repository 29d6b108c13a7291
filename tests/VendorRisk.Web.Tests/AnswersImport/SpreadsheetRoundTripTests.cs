using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Assessments.Import;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.AnswersImport;

/// <summary>
/// An unmodified CSV or XLSX export re-imports with no change, whatever the answers hold: apostrophes,
/// leading and trailing spaces, formula-like text, line breaks, CJK; and an edit shows in the preview.
/// </summary>
public sealed class SpreadsheetRoundTripTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AnswerInput[] HardAnswers =
    [
        new(new AnswerValue { QuestionKey = "budget-caps", Choice = "org-hard-cap", Note = "'quoted' from the contract" }),
        new(new AnswerValue { QuestionKey = "tenant-abuse-controls", Choices = ["org-quotas", "scoped-keys"], Note = "'=not a formula, typed with its apostrophe" }),
        new(new AnswerValue { QuestionKey = "price-input", Number = 0.1 + 0.2, Note = "=SUM(A1) per project" }),
        new(new AnswerValue { QuestionKey = "pricing-notes", Text = "  padded both sides  \r\nline two\nline three 日本語の評価 北京智能科技 ", Note = " leading space" }),
        new(new AnswerValue { QuestionKey = "region-gating", NotApplicable = true, Justification = "'-' is what they wrote" }),
        new(new AnswerValue
        {
            QuestionKey = "red-teaming", Choice = "external-pre-release", Note = "@cmd|' /C calc'!A0\t",
            Evidence = new Evidence("-1+1 ''twice'' _x0041_ 한국어", EvidenceSource.IndependentTest, new DateOnly(2026, 6, 30)),
        }),
    ];

    private async Task<(int Id, AssessmentSnapshot Snapshot)> AnsweredDraftAsync()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        await scope.ServiceProvider.GetRequiredService<AssessmentService>().SaveAnswersAsync(id, HardAnswers, Ct);
        await using var viewer = app.ScopeAs(Roles.Viewer);
        return (id, await viewer.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id, Ct));
    }

    [Fact]
    public async Task The_stored_answers_keep_what_the_test_writes()
    {
        var (_, snapshot) = await AnsweredDraftAsync();

        Assert.Equal("  padded both sides  \r\nline two\nline three 日本語の評価 北京智能科技 ", snapshot.Answers["pricing-notes"].Value.Text);
        Assert.Equal("'quoted' from the contract", snapshot.Answers["budget-caps"].Value.Note);
    }

    [Fact]
    public async Task An_unmodified_csv_export_reimports_with_no_change()
    {
        var (_, snapshot) = await AnsweredDraftAsync();

        var preview = AnswersCsvImport.PreviewFile(snapshot, AnswersCsvExport.Render(snapshot));

        Assert.Empty(preview.Errors);
        Assert.Empty(preview.Changes.Select(c => $"{c.QuestionKey}: {c.Before} → {c.After}"));
        Assert.Equal(snapshot.QuestionSet.AllQuestions.Count(), preview.UnchangedRows);
    }

    [Fact]
    public async Task An_unmodified_xlsx_export_reimports_with_no_change()
    {
        var (_, snapshot) = await AnsweredDraftAsync();

        var preview = AnswersCsvImport.PreviewFile(snapshot, AnswersXlsx.Render(snapshot));

        Assert.Empty(preview.Errors);
        Assert.Empty(preview.Changes.Select(c => $"{c.QuestionKey}: {c.Before} → {c.After}"));
        Assert.Equal(snapshot.QuestionSet.AllQuestions.Count(), preview.UnchangedRows);
    }

    [Fact]
    public async Task The_xlsx_export_holds_text_cells_only_and_the_exact_text()
    {
        var (id, snapshot) = await AnsweredDraftAsync();
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        var response = await client.GetAsync($"/assessments/{id}/answers.xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AnswersXlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        var rows = AnswersXlsx.ReadRows(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(AnswersCsvExport.Header, rows[0].Cells);
        var pricing = rows.Single(r => r.Cells[1] == "pricing-notes");
        Assert.Equal(snapshot.Answers["pricing-notes"].Value.Text, pricing.Cells[3]);
        Assert.Equal("=SUM(A1) per project", rows.Single(r => r.Cells[1] == "price-input").Cells[7]);
        Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => r.Row));
    }

    [Fact]
    public async Task Only_the_exports_own_apostrophe_is_removed_on_import()
    {
        var (_, snapshot) = await AnsweredDraftAsync();
        var csv = Encoding.UTF8.GetString(AnswersCsvExport.Render(snapshot));

        Assert.Contains("'=SUM(A1) per project", csv, StringComparison.Ordinal);
        Assert.Contains("''quoted' from the contract", csv, StringComparison.Ordinal);
        Assert.Contains("''=not a formula", csv, StringComparison.Ordinal);
        foreach (var cell in new[] { "=1", "'=1", "''=1", "'plain", "plain", "'", "''", "-", "'-", " =1", "" })
            Assert.Equal(cell, SpreadsheetCellGuard.Unguard(SpreadsheetCellGuard.Guard(cell)));
    }

    [Fact]
    public async Task A_change_of_spaces_only_is_previewed_and_shows()
    {
        var (_, snapshot) = await AnsweredDraftAsync();
        var csv = Encoding.UTF8.GetString(AnswersCsvExport.Render(snapshot)).Replace(" leading space", "leading space", StringComparison.Ordinal);

        var preview = AnswersCsvImport.PreviewFile(snapshot, Encoding.UTF8.GetBytes(csv));

        var change = Assert.Single(preview.Changes);
        Assert.Equal("pricing-notes", change.QuestionKey);
        Assert.NotEqual(change.Before, change.After);
        Assert.Contains("note “ leading space”", change.Before, StringComparison.Ordinal);
        Assert.Contains("note “leading space”", change.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row_numbers_are_spreadsheet_rows_even_after_multi_line_cells()
    {
        var (_, snapshot) = await AnsweredDraftAsync();
        var csv = Encoding.UTF8.GetString(AnswersCsvExport.Render(snapshot));
        var redTeamingRow = AnswersCsvExport.Rows(snapshot).Select((cells, index) => (cells, index)).Single(r => r.cells[1] == "red-teaming").index + 1;
        var label = snapshot.QuestionSet.FindQuestion("red-teaming")!.Options.Single(o => o.Key == "external-pre-release").Label;

        var preview = AnswersCsvImport.PreviewFile(snapshot, Encoding.UTF8.GetBytes(csv.Replace(label, "Whenever we feel like it", StringComparison.Ordinal)));

        // The pricing-notes text above it spans three lines of the file but one row of the sheet.
        Assert.Equal(redTeamingRow, Assert.Single(preview.Errors).Row);
    }

    [Fact]
    public async Task An_edited_xlsx_applies_through_the_service()
    {
        var (id, snapshot) = await AnsweredDraftAsync();
        var rows = AnswersCsvExport.Rows(snapshot).ToList();
        var edited = rows.Select(r => r[1] == "pricing-notes" ? r.Select((c, i) => i == 3 ? "Rewritten in Excel" : c).ToArray() : r).ToList();
        var preview = AnswersCsvImport.Preview(snapshot, edited.Select((cells, index) => (index + 1, cells)).ToList(), cell => cell);
        Assert.Equal("pricing-notes", Assert.Single(preview.Changes).QuestionKey);

        await using (var scope = app.ScopeAs(Roles.Assessor))
            Assert.Equal(1, await AnswersCsvApply.ApplyAsync(scope.ServiceProvider.GetRequiredService<AssessmentService>(), id, preview, Ct));

        await using var viewer = app.ScopeAs(Roles.Viewer);
        var after = await viewer.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id, Ct);
        Assert.Equal("Rewritten in Excel", after.Answers["pricing-notes"].Value.Text);
        Assert.Equal(snapshot.Answers["red-teaming"], after.Answers["red-teaming"]);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_one_clear_error()
    {
        var (_, snapshot) = await AnsweredDraftAsync();

        var preview = AnswersCsvImport.PreviewFile(snapshot, "PK\u0003\u0004 not a zip"u8.ToArray());

        Assert.Equal("The file is not an Excel workbook (.xlsx) that can be read.", Assert.Single(preview.Errors).Message);
    }
}
