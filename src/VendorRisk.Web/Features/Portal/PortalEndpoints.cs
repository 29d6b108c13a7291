namespace VendorRisk.Web.Features.Portal;

/// <summary>
/// The portal's HTTP endpoints: opening a link, and the form posts of the questionnaire page (autosave sends the
/// same form with <c>Accept: application/json</c> and gets JSON back; without script it is a plain post and redirect).
/// </summary>
public static class PortalEndpoints
{
    public static void MapPortal(WebApplication app)
    {
        app.MapGet(PortalPaths.Open + "/{token}", OpenAsync).AllowAnonymous().RequireRateLimiting(PortalAuthentication.OpenLimit);
        var portal = app.MapGroup(PortalPaths.Root).RequireAuthorization(PortalAuthentication.Policy).RequireRateLimiting(PortalAuthentication.LinkLimit);
        portal.MapPost("/answers", SaveAnswerAsync);
        portal.MapPost("/submit", SubmitAsync);
        portal.MapPost("/files", AttachFileAsync);
    }

    private static async Task<IResult> OpenAsync(string token, HttpContext context, UseCasePipeline pipeline, ILoggerFactory loggers)
    {
        if (!PortalTokens.LooksLikeToken(token))
            return Unknown(loggers, context);
        var opened = await pipeline.RunAsync(new OpenPortalLinkRequest(token, context.Connection.RemoteIpAddress?.ToString()), context.RequestAborted);
        switch (opened)
        {
            case { InvitationId: null }:
                return Unknown(loggers, context);
            // A revoked link looks exactly like an unknown one; only whoever holds an expired link learns it expired.
            case { Status: InvitationStatus.Expired }:
                return Results.Redirect(PortalPaths.Expired);
            case { Status: InvitationStatus.Revoked }:
                return Results.Redirect(PortalPaths.Unavailable);
        }
        await PortalAuthentication.SignInAsync(context, opened.InvitationId.Value);
        // The token leaves the address bar (and the history) at once.
        return Results.Redirect(PortalPaths.Questionnaire);
    }

    private static IResult Unknown(ILoggerFactory loggers, HttpContext context)
    {
        loggers.CreateLogger(typeof(PortalEndpoints)).LogWarning("Unknown portal link opened from {Address}", context.Connection.RemoteIpAddress);
        return Results.Redirect(PortalPaths.Unavailable);
    }

    private static async Task<IResult> SaveAnswerAsync(IFormCollection form, HttpContext context, PortalService portal)
    {
        var invitationId = PortalAuthentication.InvitationIdOf(context.User)!.Value;
        var json = WantsJson(context);
        var key = form["questionKey"].ToString();
        try
        {
            var input = new PortalAnswerInput(key, ParseValue(form, key), form["comment"].ToString(),
                int.TryParse(form["expectedVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var expected) ? expected : 0);
            var saved = await portal.SaveAnswerAsync(invitationId, input, context.RequestAborted);
            return json ? Results.Json(saved) : Results.Redirect($"{PortalPaths.Questionnaire}?saved={Uri.EscapeDataString(key)}#q-{Uri.EscapeDataString(key)}");
        }
        catch (ValidationFailedException ex)
        {
            return json ? Results.Json(new { message = ex.Sentences, errors = ex.Errors }, statusCode: StatusCodes.Status400BadRequest)
                : Results.Redirect($"{PortalPaths.Questionnaire}?failed={Uri.EscapeDataString(key)}#q-{Uri.EscapeDataString(key)}");
        }
        catch (ConflictException ex)
        {
            return json ? Results.Json(new { message = ex.Message }, statusCode: StatusCodes.Status409Conflict)
                : Results.Redirect($"{PortalPaths.Questionnaire}?failed={Uri.EscapeDataString(key)}#q-{Uri.EscapeDataString(key)}");
        }
        catch (PortalLinkClosedException ex)
        {
            var target = ex.Expired ? PortalPaths.Expired : PortalPaths.Unavailable;
            return json ? Results.Json(new { message = ex.Message, location = target }, statusCode: StatusCodes.Status410Gone) : Results.Redirect(target);
        }
    }

    private static async Task<IResult> SubmitAsync(IFormCollection form, HttpContext context, PortalService portal)
    {
        _ = form;
        var invitationId = PortalAuthentication.InvitationIdOf(context.User)!.Value;
        try
        {
            await portal.SubmitAsync(invitationId, context.RequestAborted);
            return Results.Redirect(PortalPaths.Questionnaire);
        }
        catch (Exception ex) when (ex is ValidationFailedException or ConflictException)
        {
            return Results.Redirect($"{PortalPaths.Questionnaire}?submit=refused");
        }
        catch (PortalLinkClosedException ex)
        {
            return Results.Redirect(ex.Expired ? PortalPaths.Expired : PortalPaths.Unavailable);
        }
    }

    /// <summary>One evidence file on one question; without script a plain multipart post, answered by a redirect and a one-minute notice cookie.</summary>
    private static async Task<IResult> AttachFileAsync(IFormCollection form, HttpContext context, PortalEvidence evidence)
    {
        var invitationId = PortalAuthentication.InvitationIdOf(context.User)!.Value;
        var json = WantsJson(context);
        var key = form["questionKey"].ToString();
        string refusal;
        try
        {
            var file = form.Files.GetFile(EvidenceFiles.EvidenceFileStore.FileField)
                ?? throw RequestRefusals.One(EvidenceFiles.EvidenceFileStore.FileField, "Choose a file to attach.");
            await using var stream = file.OpenReadStream();
            var stored = await evidence.AttachAsync(invitationId, key, file.FileName, stream, context.RequestAborted);
            return json ? Results.Json(stored) : PortalFileNotice.Redirect(context, key, $"\"{stored.Name}\" is attached.", ok: true);
        }
        catch (ValidationFailedException ex)
        {
            refusal = ex.Sentences;
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException)
        {
            refusal = ex.Message;
        }
        catch (PortalLinkClosedException ex)
        {
            var target = ex.Expired ? PortalPaths.Expired : PortalPaths.Unavailable;
            return json ? Results.Json(new { message = ex.Message, location = target }, statusCode: StatusCodes.Status410Gone) : Results.Redirect(target);
        }
        return json ? Results.Json(new { message = refusal }, statusCode: StatusCodes.Status400BadRequest)
            : PortalFileNotice.Redirect(context, key, "Not attached: " + refusal, ok: false);
    }

    internal static bool WantsJson(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The form holds only the field of the question's type; nothing given (and not N/A) clears the answer.</summary>
    internal static AnswerValue? ParseValue(IFormCollection form, string key)
    {
        var notApplicable = form["notApplicable"].ToString() is "true" or "on";
        var choice = Blank(form["choice"]);
        var choices = form["choices"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList();
        var numberText = Blank(form["number"]);
        var text = Blank(form["text"]);
        double? number = null;
        if (numberText is not null)
        {
            if (!double.TryParse(numberText.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                throw RequestRefusals.One(AnswerFields.Number, "Enter a number, such as 1500 or 2.5.");
            number = parsed;
        }
        if (!notApplicable && choice is null && choices.Count == 0 && number is null && text is null)
            return null;
        return new AnswerValue
        {
            QuestionKey = key,
            NotApplicable = notApplicable,
            Justification = Blank(form["justification"]),
            Choice = choice,
            Choices = choices.Count == 0 ? null : choices,
            Number = number,
            Text = text,
        };
    }

    private static string? Blank(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString();
}
