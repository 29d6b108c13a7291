using VendorRisk.Web.Infrastructure.UseCases;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Costs;
using VendorRisk.Web.Features.Compare;
using VendorRisk.Web.Features.ModelOfferings;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.QuestionSets;

namespace VendorRisk.Web.Tests.ModelOfferings;

public sealed class ModelOfferingComponentTests : BunitContext, IAsyncLifetime
{
    private QuestionSetTestHost _host = null!;

    public ModelOfferingComponentTests()
    {
        Services.AddMudServices(o =>
        {
            o.PopoverOptions.CheckForPopoverProvider = false;
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async ValueTask InitializeAsync()
    {
        _host = await QuestionSetTestHost.StartAsync();
        Services.AddSingleton(_host.Services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>());
        Services.AddSingleton<ICurrentUser>(_host.User);
        Services.AddSingleton(TimeProvider.System);
        Services.AddUseCases(typeof(ModelOfferingService).Assembly).AddModelOfferings();
        var auth = AddAuthorization();
        auth.SetAuthorized("Ada Admin");
        auth.SetPolicies(Policies.Viewer, Policies.Assessor);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    private async Task<int> VendorAsync(string name)
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>().CreateDbContextAsync();
        var vendor = new Vendor { Name = name, NormalizedName = name.ToUpperInvariant(), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = 1 };
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync();
        return vendor.Id;
    }

    [Fact]
    public async Task Adding_a_model_on_the_vendor_page_saves_it_and_lists_it_with_its_channel()
    {
        var vendorId = await VendorAsync("Northwind Cognition");
        var dialogs = Render<MudDialogProvider>();
        var providers = Render<MudPopoverProvider>();
        var panel = Render<ModelOfferingsPanel>(p => p.Add(x => x.VendorId, vendorId));
        Assert.Contains("No model offerings yet", panel.Markup);

        // The click's handler waits for the dialog to close, so it is not awaited here.
        var adding = Task.CompletedTask;
        await panel.InvokeAsync(() => { adding = panel.Find("#add-model").ClickAsync(new()); });
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("#model-save")));
        var name = dialogs.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Model name");
        await dialogs.InvokeAsync(() => name.Instance.ValueChanged.InvokeAsync("Atlas 3 Mini"));
        var channel = dialogs.FindComponents<MudSelect<string>>().Single(f => f.Instance.Label == "Channel");
        await dialogs.InvokeAsync(() => channel.Instance.ValueChanged.InvokeAsync("aws-bedrock"));
        await dialogs.InvokeAsync(() => dialogs.Find("#model-save").ClickAsync(new()));

        await adding;
        panel.WaitForAssertion(() => Assert.Contains("Atlas 3 Mini", panel.Find("#model-table").TextContent));
        Assert.Contains("AWS Bedrock", panel.Find("#model-table").TextContent);
        await using var scope = _host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ModelOfferingService>().ListAsync(vendorId, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("Atlas 3 Mini", Assert.Single(stored).Name);
        Assert.NotNull(providers);
    }

    [Fact]
    public async Task A_duplicate_model_name_is_shown_on_the_name_field_and_nothing_is_saved()
    {
        var vendorId = await VendorAsync("Quillmoor AI");
        await using (var scope = _host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ModelOfferingService>().CreateAsync(vendorId, new ModelOfferingRequest("Quill 2 Pro", "direct"), Xunit.TestContext.Current.CancellationToken);
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var panel = Render<ModelOfferingsPanel>(p => p.Add(x => x.VendorId, vendorId));

        // The click's handler waits for the dialog to close, so it is not awaited here.
        var adding = Task.CompletedTask;
        await panel.InvokeAsync(() => { adding = panel.Find("#add-model").ClickAsync(new()); });
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("#model-save")));
        var name = dialogs.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Model name");
        await dialogs.InvokeAsync(() => name.Instance.ValueChanged.InvokeAsync("quill 2 PRO"));
        await dialogs.InvokeAsync(() => dialogs.Find("#model-save").ClickAsync(new()));

        dialogs.WaitForAssertion(() => Assert.Contains("already has a model offering named", dialogs.Markup));
        Assert.False(adding.IsCompleted);
        await using var check = _host.Services.CreateAsyncScope();
        Assert.Single(await check.ServiceProvider.GetRequiredService<ModelOfferingService>().ListAsync(vendorId, Xunit.TestContext.Current.CancellationToken));
    }
}

public sealed class CostUiTests : Infrastructure.BunitTestBase
{
    public CostUiTests()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Vic Viewer");
        auth.SetPolicies(Policies.Viewer);
    }

    private static readonly PriceCard WorkedExampleCard = PriceCard.From(2, 8, cachedInputPerMTok: 0.2, batchDiscountPercent: 50,
        committedUseDiscountPercent: 10, rateLimitTokensPerMinute: 100_000);

    private static readonly WorkloadProfile WorkedExample = CompareQuery.ParseInlineProfile(
        "inputTokens:100000000,outputTokens:20000000,agentic:2,peak:3,cachedInputShare:0.5,batchShare:0.25,reasoningRatio:1,units:10000");

    private IRenderedComponent<CostTable> Table(WorkloadProfile profile) =>
        Render<CostTable>(p => p.Add(x => x.Rows,
        [
            new CostTable.CostRow(1, "Northwind Cognition · Atlas 3", CostProjection.Project(WorkedExampleCard, profile), CostSensitivity.Find(WorkedExampleCard, profile)),
        ]));

    [Fact]
    public void The_cost_table_shows_the_worked_example_with_headroom_assumptions_and_sensitivity_in_words()
    {
        var cut = Table(WorkedExample);

        var row = cut.Find("#cost-table tbody tr");
        Assert.Contains("$677", row.TextContent);
        Assert.Contains("$2,032", row.TextContent);
        Assert.Equal("$9,482", cut.Find(".vr-twelve-months").TextContent.Trim());
        Assert.Contains("$0.0677", row.TextContent);
        Assert.Contains("47,727", row.TextContent);
        Assert.Contains("uses 2.1× less than the limit at peak", row.TextContent);
        var notes = cut.Find("#cost-notes").TextContent;
        Assert.Contains("no residency surcharge given: in-region processing costs nothing extra", notes);
        Assert.Contains("no monthly minimum given: none applied", notes);
        Assert.Contains("Most sensitive to the agentic multiplier", notes);
    }

    [Fact]
    public void Exceeding_the_rate_limit_is_worded_as_a_factor()
    {
        var card = WorkedExampleCard with { RateLimitTokensPerMinute = 30_000 };
        var cut = Render<CostTable>(p => p.Add(x => x.Rows, [new CostTable.CostRow(1, "V", CostProjection.Project(card, WorkedExample))]));

        Assert.Contains("exceeds the limit 1.6× at peak", cut.Find("#cost-table tbody tr").TextContent);
    }

    [Fact]
    public async Task Changing_a_profile_field_applies_it_and_the_twelve_month_figure_changes()
    {
        RenderProviders();
        string? applied = null;
        var editor = Render<ProfileEditor>(p => p
            .Add(x => x.Options, [])
            .Add(x => x.Current, new NamedWorkloadProfile("custom", WorkedExample))
            .Add(x => x.OnApply, text => applied = text));
        var before = Table(WorkedExample).Find(".vr-twelve-months").TextContent.Trim();

        var growth = editor.FindComponents<MudNumericField<double>>().Single(f => f.Instance.Label == "Growth % a month");
        await editor.InvokeAsync(() => growth.Instance.ValueChanged.InvokeAsync(5));
        await editor.InvokeAsync(() => editor.Find("#apply-profile").ClickAsync(new()));

        Assert.NotNull(applied);
        Assert.Contains("monthlyGrowth:0.05", applied);
        var changed = CompareQuery.ParseInlineProfile(applied);
        var after = Table(changed).Find(".vr-twelve-months").TextContent.Trim();
        Assert.Equal("$9,482", before);
        Assert.NotEqual(before, after);
        Assert.Equal(CostWording.Money(CostProjection.Project(WorkedExampleCard, changed).TwelveMonthUsd), after);
    }

    [Fact]
    public async Task An_out_of_range_field_is_shown_on_that_field_and_nothing_is_applied()
    {
        RenderProviders();
        var applied = false;
        var editor = Render<ProfileEditor>(p => p
            .Add(x => x.Options, [])
            .Add(x => x.Current, new NamedWorkloadProfile("custom", WorkedExample))
            .Add(x => x.OnApply, _ => applied = true));

        var batch = editor.FindComponents<MudNumericField<double>>().Single(f => f.Instance.Label == "Batch %");
        await editor.InvokeAsync(() => batch.Instance.ValueChanged.InvokeAsync(150));
        await editor.InvokeAsync(() => editor.Find("#apply-profile").ClickAsync(new()));

        Assert.False(applied);
        Assert.Contains("The batch share must be between 0 and 1.", editor.Markup);
    }

    [Fact]
    public async Task Choosing_a_preset_says_what_it_assumes()
    {
        RenderProviders();
        var options = WorkloadProfile.Presets.Select(p => new ProfileOption(p.Name, p.Profile, true, p.Assumes)).ToList();
        var editor = Render<ProfileEditor>(p => p.Add(x => x.Options, options).Add(x => x.OnApply, _ => { }));

        var select = editor.FindComponent<MudSelect<string>>();
        await editor.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("department"));

        Assert.Contains("500M input", editor.Find("#profile-assumes").TextContent);
    }
}
