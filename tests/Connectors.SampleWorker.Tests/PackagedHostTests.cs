using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Connectors.Tests.Shared;

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
        var repository = RepositoryFiles.Root();
        var work = Directory.CreateTempSubdirectory("connectors-packaged-").FullName;
        var feed = Path.Combine(work, "feed");
        var host = Path.Combine(work, "host");
        // A version of its own, so NuGet's cache never serves an older pack under the same number.
        var version = "0.0.0-integrator." + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var pack = await DotnetAsync(
            repository, "pack", "Connectors.Packages.slnf", "-c", "Release", "-o", feed, "-p:Version=" + version, "--artifacts-path", Path.Combine(work, "artifacts"));
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.DoesNotContain("warning", pack.Output, StringComparison.OrdinalIgnoreCase);
        AssertPackagesStandAlone(feed, version);

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

    /// <summary>
    /// What someone with only the packages needs: every link in a package's README and guides leads to a file inside
    /// that package, and a state store depends on exactly the Connectors.Sync whose internals it uses.
    /// </summary>
    private static void AssertPackagesStandAlone(string feed, string version)
    {
        var packages = Directory.GetFiles(feed, "*.nupkg");
        Assert.Equal(8, packages.Length);
        foreach (var package in packages)
        {
            using var archive = ZipFile.OpenRead(package);
            var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("docs/configuration.md", entries);
            Assert.Contains("docs/extending.md", entries);
            foreach (var document in entries.Where(e => e.EndsWith(".md", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(archive.GetEntry(document)!.Open());
                foreach (var target in RelativeLinks(reader.ReadToEnd()))
                {
                    var resolved = Path.GetRelativePath(".", Path.Combine(Path.GetDirectoryName(document) ?? "", target)).Replace('\\', '/').TrimEnd('/');
                    var held = entries.Contains(resolved) || entries.Any(e => e.StartsWith(resolved + "/", StringComparison.Ordinal));
                    Assert.True(held, $"{Path.GetFileName(package)}: {document} links to {target}, which the package does not hold.");
                }
            }

            var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var nuspecReader = new StreamReader(nuspec.Open());
            var manifest = XDocument.Parse(nuspecReader.ReadToEnd());
            var id = manifest.Descendants().Single(e => e.Name.LocalName == "id").Value;
            var onSync = manifest.Descendants().SingleOrDefault(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "Connectors.Sync");
            if (id is "Connectors.Sync.Sqlite" or "Connectors.Sync.PostgreSql")
            {
                Assert.Equal($"[{version}]", (string?)onSync?.Attribute("version"));
            }
        }
    }

    /// <summary>The targets of a markdown text's links that are neither addresses nor anchors, without their anchors.</summary>
    private static IEnumerable<string> RelativeLinks(string markdown) =>
        Regex.Matches(markdown, @"\]\(([^)\s]+)\)")
            .Select(m => m.Groups[1].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#') && !target.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(target => target.Split('#')[0]);

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
}
