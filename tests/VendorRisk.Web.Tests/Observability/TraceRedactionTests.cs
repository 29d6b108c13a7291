using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using VendorRisk.Web.Features.Observability;
using VendorRisk.Web.Features.Portal;

namespace VendorRisk.Web.Tests.Observability;

public sealed class TraceRedactionTests
{
    private static Activity Span(HttpRequest request)
    {
        var activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");
        activity.SetTag("url.path", request.Path.Value);
        activity.DisplayName = $"{request.Method} {request.Path}";
        return activity;
    }

    [Fact]
    public void A_portal_links_token_is_replaced_by_the_route_in_its_span()
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.Path = $"{PortalPaths.Open}/{PortalTokens.NewToken()}";
        using var span = Span(request);

        ObservabilitySetup.RedactSecrets(span, request);

        Assert.Equal($"{PortalPaths.Open}/{{token}}", span.GetTagItem("url.path"));
        Assert.Equal($"GET {PortalPaths.Open}/{{token}}", span.DisplayName);
    }

    [Fact]
    public void Other_paths_keep_their_span_as_it_was()
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.Path = "/assessments/12";
        using var span = Span(request);

        ObservabilitySetup.RedactSecrets(span, request);

        Assert.Equal("/assessments/12", span.GetTagItem("url.path"));
        Assert.Equal("GET /assessments/12", span.DisplayName);
    }
}
