using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Access;
using VendorRisk.Web.Features.Shared;

namespace VendorRisk.LoadTests.Seeding;

/// <summary>
/// <c>seed</c>: an organisation's worth of vendors, assessments, answers, findings and audit entries in an empty
/// database, written in large batches. Users <c>admin@load.vendorrisk</c>, <c>reviewerN@…</c>, <c>assessorNN@…</c>
/// and <c>viewer@…</c> sign in with <c>--password</c>.
/// </summary>
public static class SeedCommand
{
    public const string DefaultPassword = "Load-Test-Organisation-2026";
    public const string EmailDomain = "load.vendorrisk";

    public static async Task<int> RunAsync(string[] args)
    {
        CommandOptions options;
        try
        {
            options = new CommandOptions(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        if (DatabaseTarget.From(options) is not { } target)
        {
            await Console.Error.WriteLineAsync("seed needs --db <sqlite file> or --postgres \"<connection string>\".");
            return 2;
        }

        var shape = new OrganisationShape(options.GetInt("vendors", 1000), options.GetInt("assessments", 5000), options.GetInt("random-seed", 42));
        var clock = Stopwatch.StartNew();
        await using var app = await LoadTestHost.StartAsync(target);
        var services = app.Services;
        var factory = services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            if (await db.Vendors.AnyAsync() || await db.Assessments.AnyAsync())
            {
                await Console.Error.WriteLineAsync("seed writes only into a database without vendors or assessments.");
                return 1;
            }
        }

        var users = await CreateUsersAsync(services, options.Get("password") ?? DefaultPassword);
        var sets = await PublishedSetsAsync(factory, services.GetRequiredService<QuestionSetDefinitions>());
        var writer = new OrganisationWriter(factory, shape, users, sets, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var counts = await writer.WriteAsync();
        await foreach (var line in writer.AfterWriteAsync(services))
            Console.WriteLine(line);
        Console.WriteLine($"{counts} in {clock.Elapsed.TotalSeconds:0.0} s ({target.ProviderName})");
        Console.WriteLine($"sign in as admin@{EmailDomain} (also reviewer1@, assessor01@, viewer@) with the seed password");
        return 0;
    }

    private static async Task<SeedUsers> CreateUsersAsync(IServiceProvider services, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        async Task<string> CreateAsync(string local, string name, string role)
        {
            var email = $"{local}@{EmailDomain}";
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Role = role, CreatedAt = DateTime.UtcNow };
            var result = await manager.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Cannot create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return user.Id;
        }

        var admin = await CreateAsync("admin", "Load Admin", Roles.Admin);
        var reviewers = new List<string>();
        for (var i = 1; i <= 5; i++)
            reviewers.Add(await CreateAsync($"reviewer{i}", $"Reviewer {i}", Roles.Reviewer));
        var assessors = new List<string>();
        for (var i = 1; i <= 20; i++)
            assessors.Add(await CreateAsync($"assessor{i:D2}", $"Assessor {i:D2}", Roles.Assessor));
        await CreateAsync("viewer", "Load Viewer", Roles.Viewer);
        return new SeedUsers(admin, reviewers, assessors);
    }

    private static async Task<IReadOnlyList<PublishedSet>> PublishedSetsAsync(IDbContextFactory<VendorRiskDbContext> factory, QuestionSetDefinitions definitions)
    {
        await using var db = await factory.CreateDbContextAsync();
        var versions = await db.QuestionSetVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published)
            .OrderBy(v => v.QuestionSetId).ThenBy(v => v.Number).ToListAsync();
        if (versions.Count == 0)
            throw new InvalidOperationException("No published question set: the app's seed data (seed-data/question-sets) was not found.");
        return versions.Select(v => new PublishedSet(v.Id, definitions.Get(v))).ToList();
    }
}
