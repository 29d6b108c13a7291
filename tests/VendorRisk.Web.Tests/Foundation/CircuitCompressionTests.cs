using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Foundation;

/// <summary>ADR 0062: a browser offers permessage-deflate on the circuit's WebSocket, and the app declines it.</summary>
public sealed class CircuitCompressionTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_circuit_socket_opens_without_compression_when_the_client_offers_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var cookies = new CookieContainer();
        using var client = app.CreateRawClient(cookies);
        var signIn = await WebAppFixture.PostLoginAsync(client, WebAppFixture.EmailOf(Roles.Assessor), WebAppFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, ct);
        negotiate.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync(ct));
        var token = body.RootElement.GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        var url = new UriBuilder(new Uri(client.BaseAddress!, "/_blazor")) { Scheme = "ws", Query = "id=" + token }.Uri;
        await socket.ConnectAsync(url, ct);

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        Assert.False(socket.HttpResponseHeaders!.ContainsKey("Sec-WebSocket-Extensions"),
            "The server accepted permessage-deflate: " + string.Join(", ", socket.HttpResponseHeaders.GetValueOrDefault("Sec-WebSocket-Extensions") ?? []));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, ct);
    }
}
