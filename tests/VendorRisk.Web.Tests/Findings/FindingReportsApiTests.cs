using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using UglyToad.PdfPig;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Findings;

/// <summary>The reports and the comparison read findings and accepted knockouts from the real app.</summary>
public sealed class FindingReportsApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task The_assessment_pdf_lists_the_accepted_knockouts_with_approver_and_expiry_and_the_open_findings_with_owner_and_due_date()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var id = await PilotScenario.CreateAsync(app, assessor);
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(45);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        foreach (var key in new[] { "guard", "logs" })
        {
            await ApiScenario.ExpectAsync(await reviewer.PostAsJsonAsync($"/api/v1/assessments/{id}/knockouts/{key}/acceptance",
                new { justification = $"Pilot accepts {key}.", until = Date(until) }, Ct), HttpStatusCode.Created);
        }
        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/findings",
            new { title = "Add an output guard before production", severity = "critical", ownerId = app.UserIdOf(Roles.Assessor), dueDate = Date(due) }, Ct), HttpStatusCode.Created);

        var response = await reviewer.GetAsync($"/api/v1/assessments/{id}/report.pdf", Ct);
        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));

        Assert.Contains(Squeeze("Accepted knockout risks"), text, StringComparison.Ordinal);
        // The decision memo does not call them a cap on the rating.
        var memo = Squeeze(pdf.GetPage(1).Text);
        Assert.Contains(Squeeze("2 critical controls failed with the risk accepted, not capping the rating"), memo, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze("failed, capping the rating"), memo, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Is there an output guard?"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Test Reviewer"), text, StringComparison.Ordinal);
        Assert.Contains(Date(until), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Pilot accepts guard."), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Add an output guard before production"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Test Assessor"), text, StringComparison.Ordinal);
        Assert.Contains(Date(due), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_rates_an_assessment_whose_knockouts_are_all_accepted_by_its_band_and_its_pdf_counts_open_findings()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var reviewer = await app.ApiClientAsync(Roles.Reviewer);
        var accepted = await PilotScenario.CreateAsync(app, assessor);
        var capped = await PilotScenario.CreateAsync(app, assessor);
        foreach (var key in new[] { "guard", "logs" })
        {
            await ApiScenario.ExpectAsync(await reviewer.PostAsJsonAsync($"/api/v1/assessments/{accepted}/knockouts/{key}/acceptance",
                new { justification = "Pilot.", until = Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10)) }, Ct), HttpStatusCode.Created);
        }
        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{capped}/findings", new { title = "No guard", severity = "high" }, Ct), HttpStatusCode.Created);

        var compare = await (await reviewer.GetAsync($"/api/v1/compare?ids={accepted},{capped}", Ct)).ReadJsonAsync();
        var ratings = compare.GetProperty("ranking").EnumerateArray().ToDictionary(r => r.GetProperty("assessmentId").GetInt32(), r => r.GetProperty("rating").GetString());
        Assert.Equal("Low", ratings[accepted]);
        Assert.Equal("High", ratings[capped]);

        var pdf = await reviewer.GetAsync($"/api/v1/compare/report.pdf?ids={accepted},{capped}", Ct);
        await ApiScenario.ExpectAsync(pdf, HttpStatusCode.OK);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct));
        var text = Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.Contains("OpenfindingsFindingsofeachcomparedassessment", text, StringComparison.Ordinal);
        Assert.Contains("CriticalHighMediumLowTotalOverdue", text, StringComparison.Ordinal);
        // The ranking marks the accepted knockouts; only the capped assessment has a cap to lift.
        Assert.Contains(Squeeze("guard (risk accepted by Test Reviewer until"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("logs (risk accepted by Test Reviewer until"), text, StringComparison.Ordinal);
        Assert.Equal(1, text.Split(Squeeze("would lift its rating cap")).Length - 1);
    }
}
