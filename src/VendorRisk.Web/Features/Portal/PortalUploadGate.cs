using System.Collections.Concurrent;

namespace VendorRisk.Web.Features.Portal;

/// <summary>
/// Files one link may have in the works at once. A request limit counts requests a minute, not the memory each upload
/// holds while it is checked (about twice the file): many posts at once from one link are refused past this many.
/// </summary>
public sealed class PortalUploadGate
{
    public const int MaxInFlightPerLink = 2;
    public const string Refusal = "Another file from this link is still being received; attach this one when it has arrived.";

    private readonly ConcurrentDictionary<int, int> _inFlight = new();

    /// <summary>A slot for one upload of <paramref name="invitationId"/>, or null when the link has its most in the works.</summary>
    public IDisposable? TryEnter(int invitationId)
    {
        while (true)
        {
            var current = _inFlight.GetOrAdd(invitationId, 0);
            if (current >= MaxInFlightPerLink)
                return null;
            if (_inFlight.TryUpdate(invitationId, current + 1, current))
                return new Slot(this, invitationId);
        }
    }

    private void Leave(int invitationId)
    {
        while (true)
        {
            var current = _inFlight[invitationId];
            if (current == 1 ? _inFlight.TryRemove(new KeyValuePair<int, int>(invitationId, 1)) : _inFlight.TryUpdate(invitationId, current - 1, current))
                return;
        }
    }

    private sealed class Slot(PortalUploadGate gate, int invitationId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Leave(invitationId);
        }
    }
}
