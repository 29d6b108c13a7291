using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VendorRisk.LoadTests.LoadRun;

/// <summary>One assessor answering its own assessment through <c>PUT /api/v1/assessments/{id}/answers</c>.</summary>
public sealed class ApiAssessor(HttpClient http, int assessmentId, IReadOnlyList<QuestionSpec> questions, bool minimal, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _versions = [];

    public async Task RunAsync(LatencyRecorder recorder, Func<TimeSpan> pause, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var question = questions[_random.Next(questions.Count)];
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers")
            {
                Content = JsonContent.Create(new { answers = new[] { question.RandomAnswer(_random, _versions.GetValueOrDefault(question.Key)) } }),
            };
            if (minimal)
                request.Headers.Add("Prefer", "return=minimal");
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.SendAsync(request, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    recorder.Saved(clock.Elapsed);
                    _versions[question.Key] = VersionOf(body, question.Key);
                }
                else
                {
                    recorder.Failed($"HTTP {(int)response.StatusCode}");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException ex)
            {
                recorder.Failed(ex.GetType().Name);
            }

            try
            {
                await Task.Delay(pause(), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The saved answer's version, from either response shape (the whole assessment, or the minimal one).</summary>
    private static int VersionOf(string body, string key)
    {
        using var document = JsonDocument.Parse(body);
        foreach (var answer in document.RootElement.GetProperty("answers").EnumerateArray())
        {
            if (answer.GetProperty("questionKey").GetString() == key)
                return answer.GetProperty("version").GetInt32();
        }
        return 0;
    }
}
