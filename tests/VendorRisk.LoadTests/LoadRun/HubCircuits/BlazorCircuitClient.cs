using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace VendorRisk.LoadTests.LoadRun.HubCircuits;

/// <summary>
/// One Blazor Server circuit driven without a browser, speaking what blazor.web.js speaks on <c>/_blazor</c>:
/// reads the prerendered page's component markers and persisted state, <c>StartCircuit</c>, answers the renderer's
/// <c>attachWebRendererInterop</c> call and sends <c>UpdateRootComponents</c>, keeps a <see cref="RenderTreeMirror"/>
/// from every <c>JS.RenderBatch</c> and acknowledges it (<c>OnRenderCompleted</c>), completes every JS interop call
/// with an empty result, and raises DOM events through the renderer's <c>DispatchEventAsync</c>.
/// </summary>
public sealed partial class BlazorCircuitClient(Uri baseUrl, CookieContainer cookies) : IAsyncDisposable
{
    private readonly RenderTreeMirror _mirror = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _dotNetCalls = new();
    private readonly TaskCompletionSource<long> _rendererAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _connection;
    private long _interopObjectId;
    private int _nextCallId;

    /// <summary>Set when the server reported an error (<c>JS.Error</c>) or the connection closed.</summary>
    public string? Failure { get; private set; }

    /// <summary>Runs <paramref name="read"/> on the mirror while no render batch is being applied.</summary>
    public T Read<T>(Func<RenderTreeMirror, T> read)
    {
        lock (_mirror)
            return read(_mirror);
    }

    public async Task OpenAsync(string path, TimeSpan timeout, CancellationToken cancellation = default)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var page = new Uri(baseUrl, path);
        var html = await http.GetStringAsync(page, cancellation);
        var markers = StartMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server" && m.ContainsKey("descriptor")).ToList();
        if (markers.Count == 0)
            throw new InvalidOperationException($"{path} has no interactive server components (signed out?).");
        var state = PersistedState().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        _connection = Connect();
        await _connection.StartAsync(cancellation);
        var circuitId = await _connection.InvokeAsync<string?>("StartCircuit", baseUrl.ToString(), page.ToString(), "[]", state, cancellation);
        if (circuitId is null)
            throw new InvalidOperationException($"The server refused the circuit: {Failure}");

        // As the browser: root components are added once the server's renderer has attached its interop object.
        _interopObjectId = await _rendererAttached.Task.WaitAsync(timeout, cancellation);
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker,
            }).ToArray()),
        };
        await _connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancellation);
    }

    /// <summary>
    /// Raises a DOM event as the browser's event delegator would, through the renderer's interop object; returns once
    /// sent, with the task of the handler's completion (faulted when the server reports the handler failed).
    /// </summary>
    public async Task<Task<string>> DispatchAsync(ulong eventHandlerId, string eventName, object eventArgs, int? fieldComponentId, object? fieldValue)
    {
        var descriptor = new
        {
            eventHandlerId,
            eventName,
            eventFieldInfo = fieldComponentId is { } id ? new { componentId = id, fieldValue } : null,
        };
        var callId = Interlocked.Increment(ref _nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _dotNetCalls[callId] = done;
        await _connection!.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", _interopObjectId,
            JsonSerializer.Serialize(new object[] { descriptor, eventArgs }));
        return done.Task;
    }

    /// <summary>Completes once <paramref name="condition"/> (read under the mirror's lock) holds after a render batch.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_mirror)
        {
            if (condition())
                return Task.CompletedTask;
            _waiters.Add((condition, done));
        }
        return done.Task.WaitAsync(timeout);
    }

    private HubConnection Connect()
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "_blazor"), options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
                // As a browser, offer permessage-deflate (.NET's client offers it only when asked): the server's answer decides.
                options.WebSocketConfiguration = socket => socket.DangerousDeflateOptions = new System.Net.WebSockets.WebSocketDeflateOptions();
            })
            .WithServerTimeout(TimeSpan.FromMinutes(3));
        builder.Services.AddSingleton<IHubProtocol, BlazorPackHubProtocol>();
        var connection = builder.Build();
        connection.HandshakeTimeout = TimeSpan.FromMinutes(2);
        connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatch);
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJS);
        connection.On<string, bool, string>("JS.EndInvokeDotNet", (callId, success, result) =>
        {
            if (!_dotNetCalls.TryRemove(callId, out var call))
                return;
            if (success)
                call.TrySetResult(result);
            else
                call.TrySetException(new InvalidOperationException(result));
        });
        connection.On<string>("JS.Error", error => Failure ??= error);
        connection.Closed += error =>
        {
            Failure ??= "closed" + (error is null ? "" : ": " + error.Message);
            return Task.CompletedTask;
        };
        return connection;
    }

    private void OnRenderBatch(long batchId, byte[] data)
    {
        CircuitTraffic.RenderBatch(data.Length);
        string? error = null;
        lock (_mirror)
        {
            try
            {
                _mirror.Apply(RenderBatch.Read(data));
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidCastException or ArgumentOutOfRangeException or NullReferenceException)
            {
                error = Failure ??= $"render batch {batchId}: {ex.Message}";
            }
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition())
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
        _ = _connection!.SendAsync("OnRenderCompleted", batchId, error);
    }

    private void OnBeginInvokeJS(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        CircuitTraffic.JsCall();
        if (identifier == "Blazor._internal.attachWebRendererInterop")
        {
            // Arguments: renderer id, the renderer's interop object ({"__dotNetObject": id}), JS component settings.
            var args = JsonNode.Parse(argsJson)!.AsArray();
            _rendererAttached.TrySetResult(args[1]!["__dotNetObject"]!.GetValue<long>());
        }
        // Nothing runs here: every call succeeds with no value, as a void JS function would.
        if (asyncHandle != 0)
            _ = _connection!.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,null]");
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex StartMarker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex PersistedState();
}
