using Microsoft.AspNetCore.Http.HttpResults;
using VendorRisk.Web.Features.Compare;
using VendorRisk.Web.Features.Reports;

namespace VendorRisk.Web.Features.Api;

public static class CompareApi
{
    public static RouteGroupBuilder MapCompareApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/compare").WithTags("Compare");

        group.MapGet("", CompareAsync)
            .Described("Compare", "Compare 2–10 assessments of one question set (ids=1,2&multipliers=a:2.5&profile=…)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/report.pdf", ReportAsync)
            .Described("CompareReport", "The comparison report (PDF)")
            .Produces(StatusCodes.Status200OK, contentType: ReportFile.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<ComparisonDto>> CompareAsync(string? ids, string? multipliers, string? profile,
        CompareService compare, CancellationToken cancellationToken)
    {
        var parsedIds = CompareQuery.ParseIds(ids);
        var parsedMultipliers = CompareQuery.ParseMultipliers(multipliers);
        var named = await compare.ResolveProfileAsync(profile, cancellationToken);
        var loaded = await compare.LoadAsync(parsedIds, parsedMultipliers, named?.Profile, cancellationToken);
        return TypedResults.Ok(ComparisonDto.From(loaded.Result, loaded.Snapshots.ToDictionary(s => s.Id, s => s.Status)));
    }

    private static async Task<FileContentHttpResult> ReportAsync(string? ids, string? multipliers, string? profile,
        ReportService reports, CancellationToken cancellationToken)
    {
        var file = await reports.RenderComparisonPdfAsync(CompareQuery.ParseIds(ids), CompareQuery.ParseMultipliers(multipliers), profile, null, cancellationToken);
        return TypedResults.File(file.Content, ReportFile.ContentType, file.FileName);
    }
}
