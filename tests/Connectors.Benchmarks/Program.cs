using BenchmarkDotNet.Running;
using Connectors.Benchmarks.EndToEnd;

if (args.Length > 0 && args[0] == EndToEndSettings.Mode)
{
    return await EndToEndBenchmark.RunAsync(EndToEndSettings.Parse(args[1..]), CancellationToken.None);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
