using Microsoft.AspNetCore.Components;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// Data a page loads once per page view: the prerender loads it and writes it into the page, and the interactive render
/// takes it back instead of running the same queries again (ADR 0041).
/// </summary>
public static class PrerenderedState
{
    /// <summary>A value larger than this (as JSON) is not kept: the interactive render loads it again instead.</summary>
    public const int MaxValueBytes = 64 * 1024;

    /// <summary>
    /// The circuit's first message carries every value kept, protected and encoded (about 1.8 times their JSON), so
    /// the hub accepts messages of this size (SignalR's default of 32 KB would refuse it and the circuit never starts).
    /// </summary>
    public const long MaxCircuitMessageBytes = 512 * 1024;

    /// <summary>
    /// The value the prerender kept under <paramref name="key"/>, else a freshly loaded one, which is kept for the
    /// interactive render when this render is a prerender. Dispose the subscription with the component.
    /// </summary>
    public static async Task<(T Value, PersistingComponentStateSubscription Subscription)> TakeOrLoadAsync<T>(
        this PersistentComponentState state, string key, Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(load);
        var value = state.TryTakeFromJson<T>(key, out var kept) && kept is not null ? kept : await load();
        var subscription = state.RegisterOnPersisting(() =>
        {
            if (JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web).Length <= MaxValueBytes)
                state.PersistAsJson(key, value);
            return Task.CompletedTask;
        });
        return (value, subscription);
    }
}
