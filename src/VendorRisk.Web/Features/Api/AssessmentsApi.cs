using Microsoft.AspNetCore.Http.HttpResults;
using VendorRisk.Web.Features.Shared;

namespace VendorRisk.Web.Features.Api;

public static class AssessmentsApi
{
    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assessments").WithTags("Assessments");

        group.MapGet("/{id:int}", GetAsync)
            .WithName("GetAssessment")
            .WithSummary("One assessment with its answers and score")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<AssessmentDto>> GetAsync(int id, AssessmentReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(AssessmentDto.From(await reader.GetAsync(id, cancellationToken)));
}
