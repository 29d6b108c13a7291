using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace VendorRisk.Web.Tests.Infrastructure;

/// <summary>
/// What a prerender would write into the page for the interactive render. bUnit's <c>TriggerOnPersisting</c> does not
/// wait for the persisting it starts on the renderer's dispatcher, so with a render still queued there (as a database's
/// continuations can leave one) a test read the state before it was written; this waits for it.
/// </summary>
public static class PersistedPageState
{
    /// <summary>Runs the components' persisting callbacks (after <c>AddBunitPersistentComponentState</c>) and returns what they kept, as JSON by key.</summary>
    public static async Task<IReadOnlyDictionary<string, byte[]>> PersistAsync(BunitContext context)
    {
        var page = new RecordingStore();
        await context.Services.GetRequiredService<ComponentStatePersistenceManager>().PersistStateAsync(page, context.Renderer);
        return page.Kept;
    }

    public static T? Read<T>(this IReadOnlyDictionary<string, byte[]> kept, string key) =>
        kept.TryGetValue(key, out var json) ? JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web) : default;

    private sealed class RecordingStore : IPersistentComponentStateStore
    {
        public IReadOnlyDictionary<string, byte[]> Kept { get; private set; } = new Dictionary<string, byte[]>();

        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult<IDictionary<string, byte[]>>(new Dictionary<string, byte[]>());

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> state)
        {
            Kept = new Dictionary<string, byte[]>(state);
            return Task.CompletedTask;
        }
    }
}
