using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Connectors.Benchmarks;

/// <summary>
/// One warm-up and five single-invocation iterations in the benchmark process itself: the operations
/// take hundreds of milliseconds, the machine is small and shared, and in-process runs need no
/// generated project to build. Reports go to the temp folder, not into the repository.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        ArtifactsPath = Path.Combine(Path.GetTempPath(), "Connectors.Benchmarks");
    }
}
