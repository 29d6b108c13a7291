namespace VendorRisk.Web.Features.Api;

/// <summary>The few shapes every API endpoint's OpenAPI description takes, written once.</summary>
internal static class EndpointDescriptions
{
    public static RouteHandlerBuilder Described(this RouteHandlerBuilder endpoint, string operationId, string summary) =>
        endpoint.WithName(operationId).WithSummary(summary);

    /// <summary>A JSON body, and the 400 validation problem that refuses a bad one.</summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder endpoint) where TBody : notnull =>
        endpoint.Accepts<TBody>("application/json").ProducesValidationProblem();

    public static TBuilder ProducesProblems<TBuilder>(this TBuilder endpoint, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var statusCode in statusCodes)
        {
            endpoint.ProducesProblem(statusCode);
        }
        return endpoint;
    }
}
