using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Connectors.SampleWorker.Tests;

/// <summary>
/// The packages as an integrator gets them: packed into a local feed, referenced by a host outside the solution
/// (<c>tests/IntegratorHost</c>) that swaps two policies through the builder and runs against the packaged simulators.
/// </summary>
public sealed class PackagedHostTests
{
    [Fact]
    public async Task A_host_outside_the_solution_builds_on_the_packages_alone_and_decides_with_its_own_policies()
    {
        var repository = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("connectors-packaged-").FullName;
        var feed = Path.Combine(work, "feed");
        var host = Path.Combine(work, "host");
        // A version of its own, so NuGet's cache never serves an older pack under the same number.
        var version = "0.0.0-integrator." + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var pack = await DotnetAsync(
            repository, "pack", "Connectors.Packages.slnf", "-c", "Release", "-o", feed, "-p:Version=" + version, "--artifacts-path", Path.Combine(work, "artifacts"));
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.DoesNotContain("warning", pack.Output, StringComparison.OrdinalIgnoreCase);

        Directory.CreateDirectory(host);
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "tests", "IntegratorHost")))
        {
            File.Copy(file, Path.Combine(host, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(host, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="connectors" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var run = await DotnetAsync(host, "run", "-c", "Release", "-p:ConnectorsVersion=" + version);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("shop stock: 4", run.Output, StringComparison.Ordinal);
        Assert.Contains("exported order rows: SOFA, GOODWILL", run.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} ran over 10 minutes:\n{await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Connectors.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Connectors.sln not found above the test sources or output.");
    }
}
