using BenchmarkDotNet.Running;
using Connectors.Benchmarks.Catalogue;
using Connectors.Benchmarks.Claims;
using Connectors.Benchmarks.EndToEnd;
using Connectors.Benchmarks.Retention;

if (args.Length > 0 && args[0] == EndToEndSettings.Mode)
{
    return await EndToEndBenchmark.RunAsync(EndToEndSettings.Parse(args[1..]), CancellationToken.None);
}

if (args.Length > 0 && args[0] == SimulatorProcess.Mode)
{
    return await SimulatorProcess.RunAsync(args[1..], CancellationToken.None);
}

if (args.Length > 0 && args[0] == CatalogueLoadBenchmark.Mode)
{
    return await CatalogueLoadBenchmark.RunAsync(args[1..], CancellationToken.None);
}

if (args.Length > 0 && args[0] == ClaimThroughputBenchmark.Mode)
{
    return await ClaimThroughputBenchmark.RunAsync(args[1..], CancellationToken.None);
}

if (args.Length > 0 && args[0] == DatabaseGrowthBenchmark.Mode)
{
    return await DatabaseGrowthBenchmark.RunAsync(args[1..], CancellationToken.None);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
