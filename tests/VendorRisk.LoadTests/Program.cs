using VendorRisk.LoadTests.LoadRun;
using VendorRisk.LoadTests.Measuring;
using VendorRisk.LoadTests.Seeding;

// dotnet run -c Release --project tests/VendorRisk.LoadTests -- <command> [options]; one class per command.
return args.FirstOrDefault() switch
{
    "run" => await LoadRunCommand.RunAsync(args[1..]),
    "seed" => await SeedCommand.RunAsync(args[1..]),
    "measure" => await MeasureCommand.RunAsync(args[1..]),
    "circuits" => await CircuitMemoryCommand.RunAsync(args[1..]),
    "typing" => await TypingCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run --project tests/VendorRisk.LoadTests -c Release -- <command> [options]

          run    simulated assessors against a running app (run --help)

          seed --vendors 1000 --assessments 5000 (--db <sqlite file> | --postgres "<connection string>")
               [--password <password for the seeded users>] [--random-seed 42]
               Builds an organisation-scale data set in an empty database (schema by the app's migrations).

          measure --url http://127.0.0.1:5080 [--password <password> [--email admin@load.vendorrisk]] [--token <API token>]
                  [--runs 3] [--api-runs 7] [--pages /,/vendors] [--api /api/v1/vendors,/api/v1/findings]
               Times the list pages (interactive, settled, HTML size) in Chromium and the list API calls, against a running app.

          circuits --url <app> --path </assessments/12 or /compare?...> --server-pid <app pid> --password <password>
                   [--email assessor@demo.vendorrisk] [--tabs 20] [--ready <CSS selector>] [--keep-dumps <dir>]
                   [--inspect "<command with {pid} and {label}>"] [--settle <seconds>]
               Opens the page in N signed-in tabs (N circuits) and reports the live managed heap each further tab adds
               (dotnet-gcdump, after a full GC); --keep-dumps keeps both dumps for `dotnet-gcdump report`; --inspect runs a
               command against the app with one tab open ({label} = one) and with all of them (all); --settle 135 also
               measures once the tabs' idle keep-alive HTTP connections have closed (Kestrel's timeout: 130 s).

          typing --url <app> --path </assessments/12> --server-pid <app pid> --password <password>
                 [--email assessor@demo.vendorrisk] [--section "#section-continuity-and-exit"]
                 [--field "#q-differentiation-narrative textarea"] [--chars 300] [--delay 200]
               Types into one of the wizard's text boxes in Chromium, a key every --delay ms, and reports the WebSocket
               messages the page sent and the server's CPU per character (less the open tab's idle CPU over as long).
        """);
    return 2;
}
