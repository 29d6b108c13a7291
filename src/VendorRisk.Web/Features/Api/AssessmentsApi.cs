using Microsoft.AspNetCore.Http.HttpResults;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Reports;

namespace VendorRisk.Web.Features.Api;

public static class AssessmentsApi
{
    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assessments").WithTags("Assessments");

        group.MapPost("", CreateAsync)
            .Described("CreateAssessment", "Start a draft assessment of a vendor on a question-set version (default: newest published)")
            .AcceptsJson<CreateAssessmentDto>()
            .ChecksRoleOf<Assessments.CreateAssessmentRequest>();
        group.MapGet("/{id:int}", GetAsync)
            .Described("GetAssessment", "One assessment with its answers and score")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:int}/answers", PutAnswersAsync)
            .Described("PutAnswers", "Merge answers into a draft, all or nothing; 409 with the current answer on a stale expectedVersion")
            .AcceptsJson<PutAnswersRequest>()
            .ChecksRoleOf<Assessments.SaveAnswersRequest>()
            .Produces<AssessmentDto>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/{id:int}/submit", SubmitAsync)
            .Described("SubmitAssessment", "Draft → submitted; confirmIncomplete is needed below 100 % completeness")
            .AcceptsJson<SubmitAssessmentDto>()
            .ChecksRoleOf<Assessments.SubmitAssessmentRequest>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/{id:int}/review", ReviewAsync)
            .Described("ReviewAssessment", "Submitted → approved / approved-with-conditions / rejected, or returned to draft")
            .AcceptsJson<ReviewAssessmentDto>()
            .ChecksRoleOf<Assessments.ReviewAssessmentRequest>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapGet("/{id:int}/report.pdf", ReportAsync)
            .Described("AssessmentReport", "The assessment report (PDF)")
            .Produces(StatusCodes.Status200OK, contentType: ReportFile.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<AssessmentDto>> GetAsync(int id, AssessmentDtoReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.GetAsync(id, cancellationToken));

    private static async Task<Created<AssessmentDto>> CreateAsync(HttpRequest request, AssessmentService assessments, AssessmentDtoReader reader,
        CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<CreateAssessmentDto>(request, cancellationToken);
        var errors = new RequestRefusals();
        if (body.VendorId is null)
            errors.Add("vendorId", "Required: the id of the vendor.");
        if (string.IsNullOrWhiteSpace(body.QuestionSetKey))
            errors.Add("questionSetKey", "Required: the key of the question set.");
        errors.ThrowIfAny();

        var id = await assessments.CreateAsync(
            new CreateAssessmentRequest(body.VendorId!.Value, body.QuestionSetKey!.Trim(), body.Version, body.Title, body.Scope, ModelId: body.ModelId), cancellationToken);
        return TypedResults.Created($"/api/v1/assessments/{id}", await reader.GetAsync(id, cancellationToken));
    }

    /// <summary>
    /// The whole assessment as GET gives it (the contract), or with <c>Prefer: return=minimal</c> only what an autosaving
    /// client needs: the saved answers' versions and the new score, from the save itself, without reading the assessment again.
    /// </summary>
    private static async Task<IResult> PutAnswersAsync(int id, HttpRequest request, AssessmentService assessments, AssessmentDtoReader reader,
        CancellationToken cancellationToken)
    {
        var parsed = AnswersRequestParser.Parse(await ApiJson.ReadElementAsync(request, ApiJson.AnswersMaxBodyBytes, cancellationToken));
        AnswersSaveResult saved;
        try
        {
            saved = await assessments.SaveAnswersWithScoreAsync(id, parsed.Select(a => new AnswerInput(a.Value, a.Clear, a.ExpectedVersion)).ToList(), cancellationToken);
        }
        catch (ConflictException conflict) when (conflict.Current is CurrentAnswer current)
        {
            // The losing writer sees the stored answer in the shape GET gives it (or just its key and version 0 when it was cleared).
            object state = current.Value is { } value
                ? AnswerDto.From(new StoredAnswer(value, current.Version, "", current.UpdatedByName ?? "", current.UpdatedAt ?? default))
                : new { questionKey = current.QuestionKey, version = current.Version };
            throw new ConflictException(conflict.Message, state);
        }
        if (!ReturnPreference.WantsMinimal(request))
            return TypedResults.Ok(await reader.GetAsync(id, cancellationToken));
        request.HttpContext.Response.Headers[ReturnPreference.AppliedHeader] = ReturnPreference.Minimal;
        return TypedResults.Ok(AnswersSavedDto.From(saved));
    }

    private static async Task<Ok<AssessmentDto>> SubmitAsync(int id, HttpRequest request, AssessmentService assessments, AssessmentDtoReader reader,
        CancellationToken cancellationToken)
    {
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        var body = hasBody ? await ApiJson.ReadAsync<SubmitAssessmentDto>(request, cancellationToken) : new SubmitAssessmentDto(false);
        await assessments.SubmitAsync(id, body.ConfirmIncomplete, cancellationToken);
        return TypedResults.Ok(await reader.GetAsync(id, cancellationToken));
    }

    private static async Task<Ok<AssessmentDto>> ReviewAsync(int id, HttpRequest request, AssessmentService assessments, AssessmentDtoReader reader,
        CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<ReviewAssessmentDto>(request, cancellationToken);
        var decision = KebabEnum.Parse<ReviewDecision>(body.Decision)
            ?? throw RequestRefusals.One("decision", "Must be one of: approved, approved-with-conditions, rejected, returned.");
        var conditions = body.Conditions?.Select(c => new Findings.ConditionRequest
        {
            Title = c.Title ?? "",
            OwnerId = c.OwnerId,
            DueDate = c.DueDate,
            Severity = c.Severity is null ? Domain.Findings.FindingSeverity.Medium
                : KebabEnum.Parse<Domain.Findings.FindingSeverity>(c.Severity) ?? throw RequestRefusals.One("conditions", "A condition's severity is low, medium, high or critical."),
            Description = c.Description,
        }).ToList();
        await assessments.ReviewAsync(id, decision, body.Comment, cancellationToken, conditions);
        return TypedResults.Ok(await reader.GetAsync(id, cancellationToken));
    }

    private static async Task<FileContentHttpResult> ReportAsync(int id, ReportService reports, CancellationToken cancellationToken)
    {
        var file = await reports.RenderAssessmentPdfAsync(id, cancellationToken);
        return TypedResults.File(file.Content, ReportFile.ContentType, file.FileName);
    }
}
