using Microsoft.AspNetCore.Http.HttpResults;
using VendorRisk.Web.Features.Findings;

namespace VendorRisk.Web.Features.Api;

public sealed record FindingDto(
    int Id,
    int AssessmentId,
    int VendorId,
    string? QuestionKey,
    string Title,
    FindingSeverity Severity,
    string? Description,
    FindingStatus Status,
    string? OwnerId,
    DateOnly? DueDate,
    bool IsCondition,
    string? Justification,
    int Version)
{
    public static FindingDto From(FindingView f) => new(f.Id, f.AssessmentId, f.VendorId, f.QuestionKey, f.Title, f.Severity, f.Description,
        f.Status, f.OwnerId, f.DueDate, f.IsCondition, f.Justification, f.Version);
}

public sealed record CreateFindingDto(string? Title, string? Severity, string? QuestionKey, string? Description, string? OwnerId, DateOnly? DueDate);

/// <summary>PATCH body: only the fields present change; <c>expectedVersion</c> is required.</summary>
public sealed record PatchFindingDto(int ExpectedVersion, string? Status, string? OwnerId, DateOnly? DueDate, string? Description, string? Justification);

public sealed record AcceptKnockoutDto(string? Justification, DateOnly? Until);

/// <summary>A knockout's risk acceptance on record: <c>acceptedBy</c> is a user id, as in a score's <c>acceptedKnockouts</c>.</summary>
public sealed record KnockoutAcceptanceDto(string QuestionKey, string Justification, DateOnly Until, string AcceptedBy, string AcceptedByName,
    DateTime AcceptedAt, bool InForce)
{
    public static KnockoutAcceptanceDto From(CurrentAcceptance a) =>
        new(a.QuestionKey, a.Justification, a.Until, a.AcceptedById, a.AcceptedByName, ApiDates.Utc(a.AcceptedAt), a.InForce);
}

/// <summary>Findings and knockout risk acceptances (api.md; scoring.md §4).</summary>
public static class FindingsApi
{
    public static RouteGroupBuilder MapFindingsApi(this RouteGroupBuilder api)
    {
        var findings = api.MapGroup("/findings").WithTags("Findings");
        findings.MapGet("", ListAsync)
            .Described("ListFindings", "Findings across vendors; filter by status, severity, ownerId, vendorId, overdue; paged (X-Total-Count, Link)")
            .ProducesValidationProblem();
        findings.MapGet("/{id:int}", GetAsync)
            .Described("GetFinding", "One finding")
            .ProducesProblem(StatusCodes.Status404NotFound);
        findings.MapPatch("/{id:int}", PatchAsync)
            .Described("UpdateFinding", "Change status, ownerId, dueDate or description against expectedVersion (stale: 409); risk-accepted needs a Reviewer and a justification")
            .AcceptsJson<PatchFindingDto>()
            .ChecksRoleOf<Findings.MayChangeFindings>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        var assessments = api.MapGroup("/assessments").WithTags("Findings");
        assessments.MapPost("/{id:int}/findings", CreateAsync)
            .Described("CreateFinding", "Raise a finding on an assessment, optionally about one of its questions")
            .AcceptsJson<CreateFindingDto>()
            .ChecksRoleOf<Findings.RaiseFindingRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapPost("/{id:int}/knockouts/{questionKey}/acceptance", AcceptAsync)
            .Described("AcceptKnockoutRisk", "Accept the risk of a knockout until a date at most 365 days ahead (Reviewer, never the assessor; not on a draft)")
            .AcceptsJson<AcceptKnockoutDto>()
            .ChecksRoleOf<Findings.AcceptKnockoutRiskRequest>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        assessments.MapGet("/{id:int}/knockouts/{questionKey}/acceptance", GetAcceptanceAsync)
            .Described("GetKnockoutAcceptance", "The acceptance of a knockout's risk on record (where an acceptance's Location points): not revoked, in force or lapsed")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapDelete("/{id:int}/knockouts/{questionKey}/acceptance", RevokeAsync)
            .Described("RevokeKnockoutRisk", "Revoke the acceptance of a knockout's risk")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return findings;
    }

    private static async Task<Ok<IReadOnlyList<FindingDto>>> ListAsync(HttpContext context, FindingQueries queries,
        string? status, string? severity, string? ownerId, int? vendorId, bool? overdue, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new RequestRefusals();
        FindingStatus? statusValue = null;
        FindingSeverity? severityValue = null;
        if (!string.IsNullOrEmpty(status) && (statusValue = KebabEnum.Parse<FindingStatus>(status)) is null)
            errors.Add("status", "Must be one of: open, in-progress, resolved, risk-accepted.");
        if (!string.IsNullOrEmpty(severity) && (severityValue = KebabEnum.Parse<FindingSeverity>(severity)) is null)
            errors.Add("severity", "Must be one of: low, medium, high, critical.");
        var paging = ApiPage.From(page, pageSize, "findings", errors);
        errors.ThrowIfAny();

        var query = new FindingQuery
        {
            Status = statusValue,
            Severity = severityValue,
            OwnerId = ownerId,
            VendorId = vendorId,
            OverdueOnly = overdue == true,
            Page = paging.Number,
            PageSize = paging.Size,
        };
        var result = await queries.ListAsync(query, cancellationToken);
        paging.WriteHeaders(context, result.Total);
        return TypedResults.Ok<IReadOnlyList<FindingDto>>(result.Items.Select(FindingDto.From).ToList());
    }

    private static async Task<Ok<FindingDto>> GetAsync(int id, FindingQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(FindingDto.From(await queries.FindAsync(id, cancellationToken) ?? throw new NotFoundException($"No finding with id {id}.")));

    private static async Task<Created<FindingDto>> CreateAsync(int id, HttpRequest request, UseCasePipeline useCases, FindingQueries queries,
        CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<CreateFindingDto>(request, cancellationToken);
        FindingSeverity? severity = null;
        if (body.Severity is not null && (severity = KebabEnum.Parse<FindingSeverity>(body.Severity)) is null)
            throw RequestRefusals.One("severity", "Must be one of: low, medium, high, critical.");
        var findingId = await useCases.RunAsync(new RaiseFindingRequest
        {
            AssessmentId = id,
            Title = body.Title ?? "",
            Severity = severity,
            QuestionKey = body.QuestionKey,
            Description = body.Description,
            OwnerId = body.OwnerId,
            DueDate = body.DueDate,
        }, cancellationToken);
        return TypedResults.Created($"/api/v1/findings/{findingId}", FindingDto.From((await queries.FindAsync(findingId, cancellationToken))!));
    }

    private static async Task<Ok<FindingDto>> PatchAsync(int id, HttpRequest request, UseCasePipeline useCases, FindingQueries queries,
        CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadElementAsync(request, ApiJson.DefaultMaxBodyBytes, cancellationToken);
        if (body.ValueKind != JsonValueKind.Object)
            throw RequestRefusals.One("", "The body is a JSON object.");
        var errors = new RequestRefusals();
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "expectedVersion", "status", "ownerId", "dueDate", "description", "justification" };
        foreach (var property in body.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
            errors.Add(property.Name, "Not a field of a finding that can be changed.");

        int? expectedVersion = null;
        if (body.TryGetProperty("expectedVersion", out var ev))
        {
            if (ev.ValueKind == JsonValueKind.Number && ev.TryGetInt32(out var v))
                expectedVersion = v;
            else
                errors.Add("expectedVersion", "A whole number: the version of the finding you are changing.");
        }
        FindingStatus? status = null;
        if (body.TryGetProperty("status", out var st))
        {
            status = st.ValueKind == JsonValueKind.String ? KebabEnum.Parse<FindingStatus>(st.GetString()) : null;
            if (status is null)
                errors.Add("status", "Must be one of: open, in-progress, resolved, risk-accepted.");
        }
        var owner = StringChange(body, "ownerId", errors);
        var description = StringChange(body, "description", errors);
        var justification = StringChange(body, "justification", errors)?.Value;
        Change<DateOnly?>? due = null;
        if (body.TryGetProperty("dueDate", out var dd))
        {
            if (dd.ValueKind == JsonValueKind.Null)
                due = new Change<DateOnly?>(null);
            else if (dd.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(dd.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                due = new Change<DateOnly?>(date);
            else
                errors.Add("dueDate", "A date such as 2027-03-31, or null.");
        }
        errors.ThrowIfAny();

        try
        {
            await useCases.RunAsync(new UpdateFindingRequest
            {
                FindingId = id,
                ExpectedVersion = expectedVersion,
                Status = status,
                OwnerId = owner,
                DueDate = due,
                Description = description,
                Justification = justification,
            }, cancellationToken);
        }
        catch (ConflictException conflict) when (conflict.Current is FindingView current)
        {
            throw new ConflictException(conflict.Message, FindingDto.From(current));
        }
        return TypedResults.Ok(FindingDto.From((await queries.FindAsync(id, cancellationToken))!));
    }

    private static Change<string?>? StringChange(JsonElement body, string name, RequestRefusals errors)
    {
        if (!body.TryGetProperty(name, out var value))
            return null;
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.String)
            return new Change<string?>(value.GetString());
        errors.Add(name, "A string, or null.");
        return null;
    }

    private static async Task<Created<ScoreDto>> AcceptAsync(int id, string questionKey, HttpRequest request, UseCasePipeline useCases,
        AssessmentReader reader, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<AcceptKnockoutDto>(request, cancellationToken);
        await useCases.RunAsync(new AcceptKnockoutRiskRequest { AssessmentId = id, QuestionKey = questionKey, Justification = body.Justification, Until = body.Until },
            cancellationToken);
        return TypedResults.Created($"/api/v1/assessments/{id}/knockouts/{Uri.EscapeDataString(questionKey)}/acceptance",
            ScoreDto.From((await reader.GetAsync(id, cancellationToken)).Score));
    }

    private static async Task<Ok<KnockoutAcceptanceDto>> GetAcceptanceAsync(int id, string questionKey, FindingQueries queries,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(KnockoutAcceptanceDto.From(await queries.AcceptanceAsync(id, questionKey, cancellationToken)));

    private static async Task<NoContent> RevokeAsync(int id, string questionKey, UseCasePipeline useCases, CancellationToken cancellationToken)
    {
        await useCases.RunAsync(new RevokeKnockoutRiskRequest(id, questionKey), cancellationToken);
        return TypedResults.NoContent();
    }
}
