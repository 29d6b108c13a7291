using System.Text.Json.Nodes;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api.Generated;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

/// <summary>
/// The whole workflow through a C# client that NSwag (a strict generator) generated from docs/openapi.json at build
/// time; and docs/openapi.json is the document the app serves. To refresh it after an API change, run this class
/// with VENDORRISK_UPDATE_OPENAPI=1 (the test then writes the served document into docs/openapi.json).
/// </summary>
public sealed class OpenApiClientWorkflowTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_committed_document_is_the_document_the_app_serves()
    {
        using var client = app.CreateRawClient();
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!;
        var committedPath = Path.Combine(AppContext.BaseDirectory, "openapi.json");
        if (Environment.GetEnvironmentVariable("VENDORRISK_UPDATE_OPENAPI") == "1")
        {
            var repositoryCopy = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "openapi.json"));
            await File.WriteAllTextAsync(repositoryCopy, served.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", Ct);
            return;
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath, Ct))!;
        Assert.True(JsonNode.DeepEquals(served, committed),
            "docs/openapi.json differs from /openapi/v1.json: run OpenApiClientWorkflowTests with VENDORRISK_UPDATE_OPENAPI=1 and commit the file.");
    }

    [Fact]
    public async Task The_generated_client_runs_the_whole_workflow()
    {
        using var assessorHttp = await app.ApiClientAsync(Roles.Assessor);
        using var reviewerHttp = await app.ApiClientAsync(Roles.Reviewer);
        using var viewerHttp = await app.ApiClientAsync(Roles.Viewer);
        var assessor = new VendorRiskClient(assessorHttp);
        var reviewer = new VendorRiskClient(reviewerHttp);
        var viewer = new VendorRiskClient(viewerHttp);
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);

        var sets = await viewer.ListQuestionSetsAsync(Ct);
        Assert.Contains(sets, s => s.Key == TestData.Frontier);
        var file = await viewer.GetQuestionSetVersionAsync(TestData.Frontier, sets.Single(s => s.Key == TestData.Frontier).Versions.First().Version, Ct);
        Assert.Equal(QuestionSetFileFormat.Vendorrisk_questionSet_1, file.Format);

        var ids = new List<int>();
        foreach (var name in new[] { $"Client Vendor A {Guid.NewGuid():n}", $"Client Vendor B {Guid.NewGuid():n}" })
        {
            var vendor = await assessor.CreateVendorAsync(new CreateVendorDto { Name = name, Website = "https://example.com", Tier = 2 }, Ct);
            Assert.Equal(name, vendor.Name);
            var created = await assessor.CreateAssessmentAsync(new CreateAssessmentDto { VendorId = vendor.Id, QuestionSetKey = TestData.Frontier, Title = "Client run" }, Ct);
            var answered = await assessor.PutAnswersAsync(created.Id, prefer: null, new PutAnswersRequest
            {
                Answers =
                [
                    new AnswerRequestDto
                    {
                        QuestionKey = "budget-caps", Choice = "org-hard-cap", Note = "From the contract",
                        Evidence = new EvidenceDto { Description = "MSA §7", Source = EvidenceSource.Contract, Date = new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero) },
                    },
                    new AnswerRequestDto { QuestionKey = "price-input", Number = 3.5 },
                    new AnswerRequestDto { QuestionKey = "pricing-notes", Text = "Volume discounts above 5B tokens." },
                ],
            }, Ct);
            var withEvidence = answered.Answers.Single(a => a.QuestionKey == "budget-caps");
            Assert.Equal(EvidenceSource.Contract, withEvidence.Evidence!.Source);
            Assert.Equal(AssessmentStatus.Draft, answered.Status);

            var submitted = await assessor.SubmitAssessmentAsync(created.Id, new SubmitAssessmentDto { ConfirmIncomplete = true }, Ct);
            Assert.Equal(AssessmentStatus.Submitted, submitted.Status);
            var reviewed = await reviewer.ReviewAssessmentAsync(created.Id, new ReviewAssessmentDto { Decision = ReviewAssessmentDtoDecision.Approved }, Ct);
            Assert.Equal(AssessmentStatus.Approved, reviewed.Status);
            Assert.Contains(reviewed.Id, (await viewer.GetVendorAsync(vendor.Id, Ct)).Assessments.Select(a => a.Id));
            ids.Add(created.Id);
        }

        var idList = string.Join(",", ids);
        var comparison = await viewer.CompareAsync(idList, null, "inputTokens:1000000,outputTokens:200000", Ct);
        Assert.Equal(ids.Order(), comparison.Ranking.Select(r => r.AssessmentId).Order());
        Assert.Equal(2, comparison.Cost!.Count);
        Assert.NotNull(comparison.RankStability);

        using var assessmentPdf = await viewer.AssessmentReportAsync(ids[0], Ct);
        using var comparisonPdf = await viewer.CompareReportAsync(idList, null, null, Ct);
        foreach (var pdf in new[] { assessmentPdf, comparisonPdf })
        {
            Assert.Equal(200, pdf.StatusCode);
            using var bytes = new MemoryStream();
            await pdf.Stream.CopyToAsync(bytes, Ct);
            Assert.Equal("%PDF"u8.ToArray(), bytes.ToArray()[..4]);
        }

        var vendors = await viewer.ListVendorsAsync(page: null, pageSize: null, Ct);
        Assert.True(vendors.Count >= 2);
    }

    [Fact]
    public async Task A_stale_answer_comes_back_to_the_generated_client_as_a_409_with_the_current_answer()
    {
        using var assessorHttp = await app.ApiClientAsync(Roles.Assessor);
        var assessor = new VendorRiskClient(assessorHttp);
        var id = await TestData.CreateDraftAsync(app);
        await assessor.PutAnswersAsync(id, prefer: null, new PutAnswersRequest { Answers = [new AnswerRequestDto { QuestionKey = "budget-caps", Choice = "org-hard-cap" }] }, Ct);

        var conflict = await Assert.ThrowsAsync<ApiException<ConflictProblemDetails>>(() => assessor.PutAnswersAsync(id, prefer: null,
            new PutAnswersRequest { Answers = [new AnswerRequestDto { QuestionKey = "budget-caps", Choice = "alerts-only", ExpectedVersion = 0 }] }, Ct));

        Assert.Equal(409, conflict.StatusCode);
        Assert.NotNull(conflict.Result.Current);
    }
}
