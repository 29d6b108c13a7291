using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VendorRisk.LoadTests.LoadRun;

/// <summary>The few API calls a run needs to set itself up: a vendor, the question set, fresh draft assessments.</summary>
public sealed class VendorRiskApi(HttpClient http)
{
    public static HttpClient CreateClient(LoadRunOptions options, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = options.Url,
        Timeout = TimeSpan.FromSeconds(120),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", options.Token) },
    };

    public async Task<int> FirstVendorIdAsync()
    {
        var vendors = await http.GetFromJsonAsync<JsonArray>("/api/v1/vendors?pageSize=1")
            ?? throw new InvalidOperationException("No vendors listed.");
        return vendors.Count > 0 ? vendors[0]!["id"]!.GetValue<int>() : throw new InvalidOperationException("Create a vendor first (or start the app with --demo).");
    }

    public async Task<IReadOnlyList<QuestionSpec>> QuestionsAsync(string setKey)
    {
        var sets = await http.GetFromJsonAsync<JsonArray>("/api/v1/question-sets") ?? [];
        var set = sets.FirstOrDefault(s => s?["key"]?.GetValue<string>() == setKey) ?? throw new InvalidOperationException($"No question set '{setKey}'.");
        var version = set["versions"]!.AsArray().Where(v => v?["status"]?.GetValue<string>() == "published").Max(v => v!["version"]!.GetValue<int>());
        var content = await http.GetFromJsonAsync<JsonObject>($"/api/v1/question-sets/{setKey}/versions/{version}") ?? [];
        return content["sections"]!.AsArray().SelectMany(s => s!["questions"]!.AsArray()).Select(q => new QuestionSpec(
            q!["key"]!.GetValue<string>(),
            q["type"]!.GetValue<string>(),
            q["options"]?.AsArray().Select(o => o!["key"]!.GetValue<string>()).ToArray() ?? [])).ToList();
    }

    public async Task<int> CreateAssessmentAsync(int vendorId, string setKey, string title)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/assessments", new { vendorId, questionSetKey = setKey, title });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetInt32();
    }
}

public sealed record QuestionSpec(string Key, string Type, IReadOnlyList<string> Options)
{
    /// <summary>A valid answer chosen at random (numbers within 0–100, which every role accepts).</summary>
    public object RandomAnswer(Random random, int expectedVersion) => Type switch
    {
        "choice" => new { questionKey = Key, choice = Options[random.Next(Options.Count)], expectedVersion },
        "multi" => new { questionKey = Key, choices = Options.Where(_ => random.Next(2) == 0).ToArray(), expectedVersion },
        "number" => new { questionKey = Key, number = Math.Round(random.NextDouble() * 100, 2), expectedVersion },
        _ => (object)new { questionKey = Key, text = $"Answered at {random.Next(1_000_000)}", expectedVersion },
    };
}
