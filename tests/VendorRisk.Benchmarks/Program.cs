using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(VendorRisk.Benchmarks.DefaultSetReportBenchmarks).Assembly).Run(args);
