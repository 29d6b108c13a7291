using VendorRisk.LoadTests.LoadRun;

// dotnet run -c Release --project tests/VendorRisk.LoadTests -- <command> [options]
return args.FirstOrDefault() switch
{
    "run" => await LoadRunCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: VendorRisk.LoadTests <command> [options]
          run    simulated assessors against a running app (run --help)
        """);
    return 2;
}
