using Microsoft.AspNetCore.Http.HttpResults;
using VendorRisk.Web.Features.QuestionSets;

namespace VendorRisk.Web.Features.Api;

public static class QuestionSetsApi
{
    public static RouteGroupBuilder MapQuestionSetsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/question-sets").WithTags("Question sets");

        group.MapGet("", ListAsync)
            .Described("ListQuestionSets", "Each question set with its versions");
        group.MapGet("/{key}/versions/{n:int}", GetVersionAsync)
            .Described("GetQuestionSetVersion", "One version in the interchange format (question-set-format.md)")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", ImportAsync)
            .Described("ImportQuestionSet", "Import a file in the interchange format as a new draft version; errors keyed by its $. paths")
            .AcceptsJson<JsonElement>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ChecksRoleOf<QuestionSets.ImportQuestionSetRequest>();
        group.MapPost("/{key}/versions/{n:int}/publish", PublishAsync)
            .Described("PublishQuestionSetVersion", "Publish a valid draft (retiring the version published before it)")
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<QuestionSetListItemDto>>> ListAsync(QuestionSetService sets, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<QuestionSetListItemDto>>((await sets.ListAsync(cancellationToken)).Select(QuestionSetListItemDto.From).ToList());

    private static async Task<IResult> GetVersionAsync(string key, int n, QuestionSetService sets, CancellationToken cancellationToken)
    {
        var file = await sets.ExportAsync(key, n, cancellationToken);
        return TypedResults.Bytes(file.Content, QuestionSetFile.ContentType);
    }

    private static async Task<Created<QuestionSetVersionRefDto>> ImportAsync(HttpRequest request, QuestionSetService sets, CancellationToken cancellationToken)
    {
        // One byte over the format's limit still reaches the reader, which words the refusal as the format doc does.
        using var buffer = new MemoryStream(await ApiJson.ReadBodyAsync(request, QuestionSetLimits.MaxFileBytes + 1, cancellationToken));
        var imported = await sets.ImportAsync(buffer, cancellationToken);
        return TypedResults.Created($"/api/v1/question-sets/{Uri.EscapeDataString(imported.Key)}/versions/{imported.Version}",
            new QuestionSetVersionRefDto(imported.Key, imported.Version));
    }

    private static async Task<Ok<PublishedVersionDto>> PublishAsync(string key, int n, QuestionSetService sets, CancellationToken cancellationToken)
    {
        await sets.PublishAsync(key, n, cancellationToken);
        return TypedResults.Ok(new PublishedVersionDto(key, n, VersionStatus.Published));
    }
}
