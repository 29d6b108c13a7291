using System.Net.Sockets;
using System.Text;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>
/// Issue 21 item 10: the answers the web server writes itself, before the app sees a request (400 for a malformed
/// request, 414 for a request target too long, 431 for headers too large), carry the same security headers as the
/// app's answers. Sent as raw bytes over a socket to the real Kestrel, since an HTTP client refuses to send them.
/// </summary>
public sealed class KestrelRejectionHeaderTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    public static TheoryData<string, string> Requests => new()
    {
        { "400", "NOT-HTTP\r\n\r\n" },
        { "400", "GET / HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n" },
        { "414", $"GET /{new string('a', 20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n" },
        { "431", $"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('a', 40_000)}\r\n\r\n" },
        { "431", $"GET / HTTP/1.1\r\nHost: localhost\r\n{string.Concat(Enumerable.Range(0, 150).Select(i => $"X-Header-{i}: {i}\r\n"))}\r\n" },
        // The app's own answer, for comparison: the same headers.
        { "200", "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task The_web_servers_own_rejections_carry_the_security_headers(string status, string request)
    {
        var (statusLine, headers) = await SendRawAsync(request);

        Assert.StartsWith($"HTTP/1.1 {status} ", statusLine);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Contains("frame-ancestors 'none'", headers["Content-Security-Policy"]);
        Assert.Equal("DENY", headers["X-Frame-Options"]);
        Assert.Equal("no-referrer", headers["Referrer-Policy"]);
        Assert.Contains("no-store", headers["Cache-Control"]);
    }

    [Fact]
    public async Task A_rejection_after_a_good_request_on_the_same_connection_gets_the_headers_once_and_the_good_answer_is_unchanged()
    {
        var response = await SendRawTextAsync("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\nNOT-HTTP\r\n\r\n");

        var heads = response.Split("HTTP/1.1 ").Skip(1).Select(h => h[..h.IndexOf("\r\n\r\n", StringComparison.Ordinal)]).ToList();
        Assert.Equal(2, heads.Count);
        Assert.StartsWith("200 ", heads[0]);
        Assert.StartsWith("400 ", heads[1]);
        foreach (var head in heads)
            Assert.Equal(1, head.Split("\r\nX-Content-Type-Options:").Length - 1);
    }

    private async Task<(string StatusLine, Dictionary<string, string> Headers)> SendRawAsync(string request)
    {
        var response = await SendRawTextAsync(request);
        var lines = response[..response.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return (lines[0], headers);
    }

    /// <summary>Sends the bytes and reads until the server closes the connection (every request here ends it).</summary>
    private async Task<string> SendRawTextAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port, TestContext.Current.CancellationToken);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var buffer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(buffer, timeout.Token);
        }
        catch (IOException)
        {
            // The server may reset the connection after its answer while unread request bytes remain.
        }
        return Encoding.ASCII.GetString(buffer.ToArray());
    }
}
