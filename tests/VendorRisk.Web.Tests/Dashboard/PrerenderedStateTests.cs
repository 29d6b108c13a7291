using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Dashboard;

public sealed class PrerenderedStateTests : BunitTestBase
{
    [Fact]
    public async Task A_value_kept_by_the_prerender_is_taken_back_without_loading_it_again()
    {
        var bunitState = AddBunitPersistentComponentState();
        bunitState.Persist("figures", new[] { 1, 2, 3 });
        var loads = 0;

        var (value, subscription) = await Services.GetRequiredService<PersistentComponentState>()
            .TakeOrLoadAsync("figures", () => Task.FromResult(new[] { ++loads }));
        subscription.Dispose();

        Assert.Equal([1, 2, 3], value);
        Assert.Equal(0, loads);
    }

    [Fact]
    public async Task A_loaded_value_is_kept_for_the_interactive_render_unless_it_is_larger_than_the_budget()
    {
        AddBunitPersistentComponentState();
        var state = Services.GetRequiredService<PersistentComponentState>();
        var (small, first) = await state.TakeOrLoadAsync("small", () => Task.FromResult("a summary"));
        var (large, second) = await state.TakeOrLoadAsync("large", () => Task.FromResult(new string('x', PrerenderedState.MaxValueBytes)));

        var kept = await PersistedPageState.PersistAsync(this);

        Assert.Equal(small, kept.Read<string>("small"));
        // Too large for the circuit's first message: the interactive render loads it again instead.
        Assert.False(kept.ContainsKey("large"));
        Assert.Equal(PrerenderedState.MaxValueBytes, large.Length);
        first.Dispose();
        second.Dispose();
    }
}
