using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (127.0.0.1, a free port) with its own temporary SQLite
/// file (or, with <see cref="TestProvider"/> on PostgreSQL, its own fresh PostgreSQL database), and one user per role. Share one per test class with <c>IClassFixture&lt;WebAppFixture&gt;</c>.
/// </summary>
public class WebAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery staple 42";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vendorrisk-tests", Guid.NewGuid().ToString("n"));
    private readonly Dictionary<string, string> _userIds = [];

    private readonly WebAppFixture? _sharesDatabaseOf;

    public WebAppFixture()
        : this(TestProvider.Current.Provider)
    {
    }

    /// <summary>An app on its own new database of <paramref name="provider"/>, whatever the suite runs on.</summary>
    protected WebAppFixture(DatabaseProvider provider)
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "vendorrisk.db");
        Provider = provider;
        ConnectionString = provider == DatabaseProvider.Postgres ? TestProvider.Current.CreatePostgresDatabase() : $"Data Source={DatabasePath}";
        UseKestrel(0);
    }

    /// <summary>A second app instance on the database of <paramref name="first"/> (started first; it owns the database and the users).</summary>
    protected WebAppFixture(WebAppFixture first)
        : this(first, first.ConnectionString, first.Provider)
    {
    }

    /// <summary>An app on an existing database that already holds the users of <paramref name="usersOf"/> (e.g. a copy of its database).</summary>
    protected WebAppFixture(WebAppFixture usersOf, string connectionString, DatabaseProvider provider)
    {
        _sharesDatabaseOf = usersOf;
        DatabasePath = usersOf.DatabasePath;
        ConnectionString = connectionString;
        Provider = provider;
        UseKestrel(0);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>When set, every response carries <c>X-Test-Instance: &lt;name&gt;</c>, so a test behind a proxy sees which instance answered.</summary>
    protected virtual string? InstanceName => null;

    /// <summary>The SQLite file (unused on PostgreSQL).</summary>
    public string DatabasePath { get; }

    /// <summary>Where the app writes mails (the default pickup folder: <c>mail-pickup</c> beside the SQLite file).</summary>
    public string MailPickupFolder => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "mail-pickup");

    /// <summary>The app's connection string, of the provider the suite runs on.</summary>
    public string ConnectionString { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Extra configuration for a derived fixture (for example demo mode or a low rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Today as the app sees it; null for the real clock.</summary>
    protected virtual DateTimeOffset? FixedNow => null;

    public static string EmailOf(string role) => $"{role.ToLowerInvariant()}@vendorrisk.test";

    public string UserIdOf(string role) => _userIds[role];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, static web assets (MudBlazor, the Blazor script) come from the build manifest only when asked.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:VendorRisk", ConnectionString);
        builder.UseSetting(Data.DependencyInjection.ProviderSetting, Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        // Tests sign in hundreds of times from one address; the throttle has its own tests with a low limit.
        builder.UseSetting("VendorRisk:SignIn:AttemptsPerMinute", "100000");
        // PostgreSQL has no database file to put the pickup folder beside; keep the mails in the test's folder.
        if (Provider == DatabaseProvider.Postgres)
            builder.UseSetting("VendorRisk:Mail:PickupFolder", MailPickupFolder);
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (InstanceName is { } instance)
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new InstanceHeaderFilter(instance)));
        if (FixedNow is { } now)
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FixedTimeProvider(now)));
    }

    private sealed class InstanceHeaderFilter(string instance) : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                context.Response.Headers["X-Test-Instance"] = instance;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public virtual async ValueTask InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        if (_sharesDatabaseOf is not null)
        {
            foreach (var role in Roles.All)
                _userIds[role] = _sharesDatabaseOf.UserIdOf(role);
            return;
        }

        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        foreach (var role in Roles.All)
        {
            var created = await users.CreateAsSystemAsync(new CreateUserRequest(EmailOf(role), $"Test {role}", role, Password));
            _userIds[role] = created.User.Id;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sharesDatabaseOf is not null)
        {
            GC.SuppressFinalize(this);
            return;
        }
        TestProvider.ClearPools();
        if (Provider == DatabaseProvider.Postgres)
            TestProvider.Current.DropPostgresDatabase(ConnectionString);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>A client of the real server that does not follow redirects and keeps cookies.</summary>
    public HttpClient CreateRawClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Signs in through the real sign-in form and returns a client carrying the auth cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role) => await SignInAsync(EmailOf(role), Password);

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateRawClient();
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("login") == true)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, PublicEndpoints.Login);
        return await client.PostAsync(PublicEndpoints.Login, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    /// <summary>A DI scope in which services act as the given role's test user (service-level tests).</summary>
    public AsyncServiceScope ScopeAs(string role) => ScopeAsUser(_userIds[role], role);

    /// <summary>A DI scope in which services act as the user with this id.</summary>
    public AsyncServiceScope ScopeAsUser(string userId, string role)
    {
        var scope = Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, role)], "Test"));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UsePrincipal(principal);
        return scope;
    }

    public async Task<VendorRiskDbContext> CreateDbContextAsync() =>
        await Services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>().CreateDbContextAsync();
}
