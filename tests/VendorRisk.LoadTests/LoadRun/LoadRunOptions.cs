using System.Globalization;

namespace VendorRisk.LoadTests.LoadRun;

public enum LoadMode { Api, Circuits, Hub }

/// <summary>The options of <c>run</c>; see <see cref="Help"/>.</summary>
public sealed record LoadRunOptions
{
    public required Uri Url { get; init; }
    public LoadMode Mode { get; init; } = LoadMode.Api;
    public int Assessors { get; init; } = 50;
    public bool HumanPace { get; init; } = true;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public required string Token { get; init; }
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string QuestionSet { get; init; } = "frontier-ai-buyer-checklist";
    public int? VendorId { get; init; }
    public bool Minimal { get; init; }
    public int? ServerPid { get; init; }
    public string Chromium { get; init; } = "/usr/bin/chromium";
    public int OpenParallel { get; init; } = 4;
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan? Warmup { get; init; }

    /// <summary>
    /// How long the assessors save before the measured window opens; at human pace at least the 10 s over which their
    /// first changes are spread, so that every assessor is saving when it opens.
    /// </summary>
    public TimeSpan WarmupOrDefault => HumanPace
        ? TimeSpan.FromSeconds(Math.Max(10, Warmup?.TotalSeconds ?? 10))
        : Warmup ?? TimeSpan.Zero;

    public const string Help = """
        usage: run --url <app> --token <assessor API token> [options]
          --mode api|hub|circuits api: PUT /answers over HTTP; hub: one Blazor circuit each, driven over SignalR without a
                                  browser (HubCircuits/); circuits: one signed-in Chromium tab (Blazor circuit) each
          --assessors N           simulated assessors, each on its own new assessment (default 50)
          --pace human|full       human: one change every 5–10 s each; full: back to back (default human)
          --duration S            measured seconds after every assessor is ready (default 60)
          --warmup S              seconds of saving before the measured window opens, so the server's JIT has tiered
                                  up the save's code (default and least 10 at human pace; default 0 at full speed)
          --minimal               api mode: send Prefer: return=minimal
          --email E --password P  hub and circuits modes: the account the circuits sign in with (the token's user)
          --open-parallel N       hub mode: circuits opened at once while setting up (default 4)
          --server-pid PID        the app's process: CPU per save from /proc, live heap per circuit by dotnet-gcdump
          --idle S                hub and circuits modes with --server-pid: seconds of CPU measured with every circuit
                                  open and nothing saved, before the run, so a save's own CPU can be told from what
                                  open circuits cost anyway (default 20; 0 skips it)
          --vendor-id ID          vendor to assess (default: the first listed)
          --question-set KEY      (default frontier-ai-buyer-checklist)
          --chromium PATH         (default /usr/bin/chromium)
        """;

    public static LoadRunOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        var flags = new HashSet<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Unexpected argument '{name}'.");
            if (name is "--minimal" or "--help")
                flags.Add(name);
            else if (i + 1 < args.Count)
                values[name] = args[++i];
            else
                throw new ArgumentException($"{name} needs a value.");
        }
        if (flags.Contains("--help"))
            throw new ArgumentException("");

        string? Get(string name) => values.GetValueOrDefault(name);
        int? Int(string name) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        var mode = Get("--mode") switch
        {
            null or "api" => LoadMode.Api,
            "circuits" => LoadMode.Circuits,
            "hub" => LoadMode.Hub,
            var other => throw new ArgumentException($"--mode is api, hub or circuits, not '{other}'."),
        };
        var options = new LoadRunOptions
        {
            Url = new Uri(Get("--url") ?? throw new ArgumentException("--url is required.")),
            Token = Get("--token") ?? Environment.GetEnvironmentVariable("VENDORRISK_LOAD_TOKEN")
                ?? throw new ArgumentException("--token (or VENDORRISK_LOAD_TOKEN) is required."),
            Mode = mode,
            Assessors = Int("--assessors") ?? 50,
            HumanPace = (Get("--pace") ?? "human") switch
            {
                "human" => true,
                "full" => false,
                var other => throw new ArgumentException($"--pace is human or full, not '{other}'."),
            },
            Duration = TimeSpan.FromSeconds(Int("--duration") ?? 60),
            Email = Get("--email"),
            Password = Get("--password") ?? Environment.GetEnvironmentVariable("VENDORRISK_LOAD_PASSWORD"),
            QuestionSet = Get("--question-set") ?? "frontier-ai-buyer-checklist",
            VendorId = Int("--vendor-id"),
            Minimal = flags.Contains("--minimal"),
            ServerPid = Int("--server-pid"),
            Chromium = Get("--chromium") ?? "/usr/bin/chromium",
            OpenParallel = Int("--open-parallel") ?? 4,
            Idle = TimeSpan.FromSeconds(Int("--idle") ?? 20),
            Warmup = Int("--warmup") is { } warmup ? TimeSpan.FromSeconds(warmup) : null,
        };
        if (options.Mode != LoadMode.Api && (options.Email is null || options.Password is null))
            throw new ArgumentException($"{mode.ToString().ToLowerInvariant()} mode needs --email and --password (or VENDORRISK_LOAD_PASSWORD).");
        return options;
    }
}
