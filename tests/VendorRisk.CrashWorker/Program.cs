using System.Security.Claims;
using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Infrastructure;

// Usage: VendorRisk.CrashWorker <database file> <assessment id> <user id> <role> <key:option pairs, comma-separated>
// Saves answers through the real AssessmentService, one after another, and prints
// "confirmed <key> <version> <sequence>" only after each save has returned (committed).
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: <database> <assessmentId> <userId> <role> <keys>");
    return 2;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
builder.Configuration["ConnectionStrings:VendorRisk"] = $"Data Source={args[0]}";
builder.Logging.ClearProviders();
builder.AddVendorRisk();
await using var app = builder.Build();
await using var scope = app.Services.CreateAsyncScope();
scope.ServiceProvider.GetRequiredService<CurrentUser>().UsePrincipal(new ClaimsPrincipal(new ClaimsIdentity(
    [new Claim(ClaimTypes.NameIdentifier, args[2]), new Claim(ClaimTypes.Role, args[3])], "CrashWorker")));
var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
var keys = args[4].Split(',');
var assessmentId = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
// Ready means warmed up: one read through EF opens the database and builds the model, so "ready" is not printed
// while the slowest part of start-up is still ahead.
await scope.ServiceProvider.GetRequiredService<VendorRisk.Web.Features.Shared.AssessmentReader>().GetAsync(assessmentId);
var stdout = Console.Out;
Console.WriteLine("ready");
for (var sequence = 0; ; sequence++)
{
    var (key, option) = (keys[sequence % keys.Length].Split(':')[0], keys[sequence % keys.Length].Split(':')[1]);
    var saved = await service.SaveAnswerAsync(assessmentId,
        new AnswerInput(new AnswerValue { QuestionKey = key, Choice = option, Note = $"save {sequence}" }));
    stdout.WriteLine($"confirmed {key} {saved.Version} {sequence}");
    stdout.Flush();
}
