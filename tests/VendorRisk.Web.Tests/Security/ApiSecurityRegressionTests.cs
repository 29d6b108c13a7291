using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>A body that has not arrived after one second is answered 408.</summary>
public sealed class ShortBodyTimeoutFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["VendorRisk:Api:BodyReadTimeoutSeconds"] = "1" };
}

/// <summary>
/// Issue 21, hostile API inputs over real Kestrel: items 1 (bad Unicode), 3 (/api answers as the API),
/// 4 (bounded requests), 8 (unknown fields), 10 (401 wording, no-store) and 12 (body timeout).
/// </summary>
public sealed class ApiSecurityRegressionTests(ShortBodyTimeoutFixture app) : IClassFixture<ShortBodyTimeoutFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        await ApiScenario.ExpectAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        var body = await response.ReadJsonAsync();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        return body;
    }

    private static ByteArrayContent RawJson(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [Fact]
    public async Task Item1_a_lone_surrogate_in_an_answer_is_400_at_its_path_not_500()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);

        var response = await assessor.PutAnswersJsonAsync(id, """{ "answers": [ { "questionKey": "x", "note": "\ud800" } ] }""");

        var body = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["answers[0].note"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Item1_an_invalid_utf8_byte_in_a_body_is_400_not_500()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        byte[] body = [.. Encoding.UTF8.GetBytes("""{ "answers": [ { "questionKey": "x", "note": "a"""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\" } ] }")];

        var response = await assessor.PutAsync($"/api/v1/assessments/{id}/answers", RawJson(body), Ct);

        await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Item1_a_lone_surrogate_in_a_question_set_file_is_400_at_its_format_path()
    {
        using var admin = await app.ApiClientAsync(Roles.Admin);
        var file = """
            { "format": "vendorrisk.question-set/1", "key": "surrogate-set", "title": "\ud800", "ratingBands": [], "sections": [] }
            """;

        var response = await admin.PostAsync("/api/v1/question-sets", ApiTestSupport.Json(file), Ct);

        var body = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.title", body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/assessments/99999999999", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v2/vendors", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/vendors", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PATCH", "/api/v1/assessments/1/answers", HttpStatusCode.MethodNotAllowed)]
    public async Task Item3_with_a_valid_token_an_unknown_path_or_method_is_a_problem_not_a_page_or_redirect(string method, string path, HttpStatusCode expected)
    {
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        await ExpectProblemAsync(response, expected);
    }

    [Fact]
    public async Task Item3_without_a_token_an_unknown_api_path_is_a_401_problem_not_a_redirect()
    {
        using var anonymous = app.CreateRawClient();

        var response = await anonymous.GetAsync("/api/v1/no-such-thing", Ct);

        await ExpectProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Item3_a_missing_or_wrong_content_type_is_415(string? contentType)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{ "name": "Content type vendor" }"""));
        if (contentType is not null)
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        var response = await assessor.PostAsync("/api/v1/vendors", content, Ct);

        await ExpectProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Item4_more_than_1000_answers_in_one_request_are_refused_whole()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        var answers = string.Join(",", Enumerable.Range(0, 1_001).Select(i => $$"""{ "questionKey": "q{{i}}", "text": "t" }"""));

        var response = await assessor.PutAnswersJsonAsync(id, $$"""{ "answers": [ {{answers}} ] }""");

        var body = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors");
        Assert.Equal(["answers"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("1,000", errors.GetProperty("answers")[0].GetString());
    }

    [Fact]
    public async Task Item4_the_error_list_is_bounded_and_says_how_many_more_there_were()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        var answers = string.Join(",", Enumerable.Range(0, 1_000).Select(i => $$"""{ "questionKey": "q{{i}}", "bogus": 1, "other": 2 }"""));

        var response = await assessor.PutAnswersJsonAsync(id, $$"""{ "answers": [ {{answers}} ] }""");

        var body = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").EnumerateObject().Count() <= 100);
        Assert.Contains("…and 1,900 more", body.GetProperty("detail").GetString());
        Assert.True((await response.Content.ReadAsByteArrayAsync(Ct)).Length < 64 * 1024);
    }

    [Fact]
    public async Task Item4_a_body_over_the_endpoints_limit_is_413_before_it_is_parsed()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        var huge = new string('x', 6 * 1024 * 1024);

        var answers = await assessor.PutAnswersJsonAsync(id, $$"""{ "answers": [ { "questionKey": "x", "text": "{{huge}}" } ] }""");
        var vendor = await assessor.PostAsync("/api/v1/vendors", ApiTestSupport.Json($$"""{ "name": "{{new string('y', 300 * 1024)}}" }"""), Ct);

        await ExpectProblemAsync(answers, HttpStatusCode.RequestEntityTooLarge);
        await ExpectProblemAsync(vendor, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/api/v1/vendors", """{ "name": "Unknown field vendor", "id": 5 }""", "id")]
    [InlineData("/api/v1/vendors", """{ "name": "Unknown field vendor", "isArchived": true }""", "isArchived")]
    [InlineData("/api/v1/assessments", """{ "vendorId": 1, "questionSetKey": "x", "assessorId": "someone" }""", "assessorId")]
    public async Task Item8_an_unknown_field_is_400_on_that_field(string path, string json, string field)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);

        var response = await assessor.PostAsync(path, ApiTestSupport.Json(json), Ct);

        var body = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("vr_unknown0000000000000000000000000000")]
    [InlineData("not-even-a-token")]
    public async Task Item10_a_refused_token_is_told_only_invalid_or_expired(string token)
    {
        using var client = app.ApiClient(token);

        var response = await client.GetAsync("/api/v1/vendors", Ct);

        var body = await ExpectProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid or expired token.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Item10_authenticated_api_answers_are_not_stored_by_caches()
    {
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync("/api/v1/vendors", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Item12_a_body_that_does_not_arrive_in_time_is_408_saying_so()
    {
        var token = await app.CreateTokenAsync(Roles.Assessor);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port, Ct);
        await using var stream = tcp.GetStream();
        var head = "PUT /api/v1/assessments/1/answers HTTP/1.1\r\n" +
                   $"Host: {app.BaseAddress.Authority}\r\n" +
                   $"Authorization: Bearer {token}\r\n" +
                   "Content-Type: application/json\r\n" +
                   "Content-Length: 200\r\n\r\n" +
                   "{ \"answers\": [";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);

        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var answer = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, timeout.Token)) > 0)
        {
            answer.Append(buffer, 0, read);
            if (answer.ToString().Contains("\"status\":408", StringComparison.Ordinal) && answer.ToString().EndsWith('}'))
                break;
        }

        var text = answer.ToString();
        Assert.StartsWith("HTTP/1.1 408", text);
        Assert.Contains("not received in time", text);
    }
}
