using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace VendorRisk.Web.Infrastructure;

/// <summary>
/// Kestrel answers a request it cannot read (a malformed request line or header: 400; a request target over
/// <c>MaxRequestLineSize</c>: 414; headers over their limits: 431) by itself, before any middleware runs, and builds
/// that answer's headers from scratch right before writing it, so no middleware or response callback can add to it.
/// What Kestrel does offer: the diagnostic event <see cref="BadRequestEvent"/> when it rejects a request, and
/// connection middleware that sees the bytes it writes. Together they add the app's security headers to that one
/// response head: the event marks the connection, and its writer inserts the headers into the next HTTP/1.x head
/// written on it. Anything else (TLS records, HTTP/2 frames) passes unchanged.
/// </summary>
public sealed class KestrelRejectionHeaders : IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public const string BadRequestEvent = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    private readonly ConcurrentDictionary<string, RejectionAwareWriter> _connections = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;

    public KestrelRejectionHeaders(DiagnosticListener listener) =>
        _subscription = listener.Subscribe(this, name => name == BadRequestEvent);

    /// <summary>Every endpoint's connections go through <see cref="WatchAsync"/>.</summary>
    public static void AddTo(IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen =>
        {
            var watcher = listen.ApplicationServices.GetRequiredService<KestrelRejectionHeaders>();
            listen.Use(next => connection => watcher.WatchAsync(connection, next));
        }));

    private async Task WatchAsync(Microsoft.AspNetCore.Connections.ConnectionContext connection, Microsoft.AspNetCore.Connections.ConnectionDelegate next)
    {
        var transport = connection.Transport;
        var writer = new RejectionAwareWriter(transport.Output);
        connection.Transport = new DuplexPipe(transport.Input, writer);
        _connections[connection.ConnectionId] = writer;
        try
        {
            await next(connection);
        }
        finally
        {
            _connections.TryRemove(connection.ConnectionId, out _);
            connection.Transport = transport;
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // The event's payload is the rejected request's feature collection; its connection id is the transport's.
        if (value.Key == BadRequestEvent && value.Value is IFeatureCollection features
            && features.Get<IHttpConnectionFeature>()?.ConnectionId is { } id && _connections.TryGetValue(id, out var writer))
            writer.Arm();
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    /// <summary>Passes writes through; once armed, holds the next response head and adds the missing security headers on flush.</summary>
    private sealed class RejectionAwareWriter(PipeWriter inner) : PipeWriter
    {
        private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
        private volatile bool _armed;
        private ArrayBufferWriter<byte>? _held;

        public void Arm() => _armed = true;

        private IBufferWriter<byte> Target()
        {
            if (_armed && _held is null)
                _held = new ArrayBufferWriter<byte>(512);
            return _held is { } held ? held : inner;
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => Target().GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => Target().GetSpan(sizeHint);

        public override void Advance(int bytes)
        {
            if (_held is { } held)
                held.Advance(bytes);
            else
                inner.Advance(bytes);
        }

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes + (_held?.WrittenCount ?? 0);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Release();
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            Release();
            inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null)
        {
            Release();
            return inner.CompleteAsync(exception);
        }

        private void Release()
        {
            if (_held is not { } held)
                return;
            _held = null;
            _armed = false;
            inner.Write(WithSecurityHeaders(held.WrittenSpan));
        }

        private static byte[] WithSecurityHeaders(ReadOnlySpan<byte> written)
        {
            var end = written.IndexOf(HeadEnd);
            if (!written.StartsWith("HTTP/1."u8) || end < 0)
                return written.ToArray();
            var head = Encoding.ASCII.GetString(written[..end]);
            var added = new StringBuilder();
            foreach (var (name, value) in SecurityHeaders.Always.Append(new("Cache-Control", SecurityHeaders.NoStore)))
            {
                if (!head.Contains($"\r\n{name}:", StringComparison.OrdinalIgnoreCase))
                    added.Append("\r\n").Append(name).Append(": ").Append(value);
            }
            return [.. written[..end], .. Encoding.ASCII.GetBytes(added.ToString()), .. written[end..]];
        }
    }
}
