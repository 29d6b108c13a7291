using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VendorRisk.Web.Tests.Observability;

/// <summary>The published app, started as its own process, on a port another process already holds.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_port_in_use_ends_start_up_with_one_clear_line_and_exit_code_1()
    {
        var ct = TestContext.Current.CancellationToken;
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var folder = Directory.CreateTempSubdirectory("vendorrisk-port-");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet")
            {
                ArgumentList = { AppPath(), "--urls", $"http://127.0.0.1:{port}" },
                Environment =
                {
                    ["ConnectionStrings__VendorRisk"] = $"Data Source={Path.Combine(folder.FullName, "app.db")}",
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            Assert.Equal([$"VendorRisk cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use."],
                (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.DoesNotContain("   at ", await output, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static string AppPath()
    {
        // The test project references the web project, so its build output sits beside this assembly.
        var path = Path.Combine(AppContext.BaseDirectory, "VendorRisk.Web.dll");
        return File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json"))
            ? path
            : throw new FileNotFoundException("VendorRisk.Web.dll with its runtimeconfig.json is not beside the tests.", path);
    }
}

/// <summary>The container's logging settings (Dockerfile): JSON lines carrying the request's trace id.</summary>
public sealed class JsonConsoleLogTests
{
    [Fact]
    public async Task Every_line_logged_for_a_request_is_json_with_its_trace_id()
    {
        var ct = TestContext.Current.CancellationToken;
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var folder = Directory.CreateTempSubdirectory("vendorrisk-logs-");
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "VendorRisk.Web.dll"), "--urls", $"http://127.0.0.1:{port}" },
            Environment =
            {
                ["ConnectionStrings__VendorRisk"] = $"Data Source={Path.Combine(folder.FullName, "app.db")}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__Console__FormatterName"] = "json",
                ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var answered = false;
            for (var attempt = 0; attempt < 240 && !answered; attempt++)
            {
                try
                {
                    answered = (await client.GetAsync("/health/live", ct)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250, ct);
                }
            }

            Assert.True(answered, "the app did not start: " + string.Join('\n', lines));
            // The request's log lines are written after its response has gone out: wait for them rather than for a
            // fixed half second. The bound only turns a logger that never writes into a clear failure.
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (!lines.Any(line => line.Contains("\"Microsoft.AspNetCore.Hosting.Diagnostics\"", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
                await Task.Delay(50, ct);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        var entries = lines.Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement).ToList();
        var requestLines = entries.Where(e => e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics").ToList();
        Assert.NotEmpty(requestLines);
        Assert.All(requestLines, e => Assert.Matches("^[0-9a-f]{32}$",
            e.GetProperty("Scopes").EnumerateArray().Single(s => s.ValueKind == System.Text.Json.JsonValueKind.Object && s.TryGetProperty("TraceId", out _)).GetProperty("TraceId").GetString()));
    }
}

/// <summary>The published app, started as its own process with mail settings that cannot work.</summary>
public sealed class MailSettingsStartupTests
{
    [Fact]
    public async Task Smtp_delivery_without_a_host_ends_start_up_with_the_setting_named_and_exit_code_1()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("vendorrisk-mail-");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "VendorRisk.Web.dll"), "--urls", "http://127.0.0.1:0" },
                Environment =
                {
                    ["ConnectionStrings__VendorRisk"] = $"Data Source={Path.Combine(folder.FullName, "app.db")}",
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["VendorRisk__Mail__Delivery"] = "Smtp",
                    ["VendorRisk__Mail__PublicBaseUrl"] = "https://vendorrisk.example.com",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            Assert.Equal(["VendorRisk cannot start: the mail settings are invalid: VendorRisk:Mail:Delivery is 'Smtp' but VendorRisk:Mail:Smtp:Host is empty."],
                (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.DoesNotContain("   at ", await output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
