using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Domain.Findings;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Findings;
using VendorRisk.Web.Features.ModelOfferings;
using VendorRisk.Web.Infrastructure.Errors;
using VendorRisk.Web.Infrastructure.UseCases;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>
/// The same hostile texts as <see cref="HostileTextApiTests"/>, sent as a forged Blazor form would: straight to the use
/// cases the pages run. The pipeline refuses a control character anywhere in a request, at the API's path for it.
/// </summary>
public sealed class HostileTextServiceTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TResult> RunAsAsync<TResult>(string role, IUseCase<TResult> request)
    {
        await using var scope = app.ScopeAs(role);
        return await scope.ServiceProvider.GetRequiredService<UseCasePipeline>().RunAsync(request, Ct);
    }

    private async Task<ValidationFailedException> RefusedAsync<TResult>(IUseCase<TResult> request) =>
        await Assert.ThrowsAsync<ValidationFailedException>(() => RunAsAsync(Roles.Assessor, request));

    [Fact]
    public async Task An_answer_note_with_a_nul_is_refused_at_its_path_and_the_answer_is_unchanged()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await Findings.PilotScenario.CreateAsync(app, assessor, submit: false);
        var answer = TestData.Choice("other", "no");

        var refusal = await RefusedAsync(new SaveAnswersRequest(id, [answer with { Value = answer.Value with { Note = new string('n', 600) + "\u0000 tail" } }]));

        Assert.Equal([TextRules.ControlCharacterMessage], refusal.Errors["answers[0].note"]);
        await using var db = await app.CreateDbContextAsync();
        var stored = await db.Answers.SingleAsync(a => a.AssessmentId == id && a.QuestionKey == "other", Ct);
        Assert.Equal((1, null), (stored.Version, stored.Note));
    }

    [Fact]
    public async Task A_finding_title_is_stored_without_invisible_characters_and_one_of_them_only_or_a_nul_in_a_change_is_refused()
    {
        var id = await TestData.CreateDraftAsync(app);

        var findingId = await RunAsAsync(Roles.Assessor, new RaiseFindingRequest { AssessmentId = id, Title = "Logs\u200b \u202e kept", Severity = FindingSeverity.Low });
        var invisible = await RefusedAsync(new RaiseFindingRequest { AssessmentId = id, Title = "\u200b\u200b", Severity = FindingSeverity.Low });
        var nul = await RefusedAsync(new UpdateFindingRequest { FindingId = findingId, ExpectedVersion = 1, Description = new("d\u0000 tail") });

        Assert.Equal(["Give the finding a title."], invisible.Errors["title"]);
        Assert.Equal([TextRules.ControlCharacterMessage], nul.Errors["description"]);
        await using var db = await app.CreateDbContextAsync();
        var finding = await db.Findings.SingleAsync(f => f.AssessmentId == id, Ct);
        Assert.Equal(("Logs kept", null, 1), (finding.Title, finding.Description, finding.Version));
    }

    [Fact]
    public async Task A_model_offering_keeps_no_bidi_override_in_its_provider_model_id_and_refuses_a_nul()
    {
        var vendorId = await TestData.CreateVendorAsync(app);

        var created = await RunAsAsync(Roles.Assessor, new CreateModelOfferingRequest(vendorId, new("Model A", "direct", "gpt\u202e-4o")));
        var nul = await RefusedAsync(new CreateModelOfferingRequest(vendorId, new("Model B", "direct", "gpt\u0000-4o")));

        Assert.Equal("gpt-4o", created.ProviderModelId);
        Assert.Contains("providerModelId", nul.Errors.Keys);
    }

    [Fact]
    public async Task The_default_title_of_an_assessment_is_cut_between_whole_characters()
    {
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var vendorId = await TestData.CreateVendorAsync(app, "A" + string.Concat(Enumerable.Repeat("😀", 150)));

        var id = await RunAsAsync(Roles.Assessor, new CreateAssessmentRequest(vendorId, TestData.Frontier));

        await using var db = await app.CreateDbContextAsync();
        var title = await db.Assessments.Where(a => a.Id == id).Select(a => a.Title).SingleAsync(Ct);
        Assert.Equal("A" + string.Concat(Enumerable.Repeat("😀", 99)), title);
    }
}
