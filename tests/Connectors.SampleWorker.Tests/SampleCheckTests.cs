namespace Connectors.SampleWorker.Tests;

/// <summary><c>--check</c> as an operator runs it before go-live: a report on the console and the exit code.</summary>
public sealed class SampleCheckTests
{
    [Fact]
    public async Task Without_configuration_the_check_passes_against_the_demo_simulators()
    {
        var data = Directory.CreateTempSubdirectory("connectors-check-").FullName;
        await using var sample = SampleProcess.Start("--check", "--data", data, "--port", "0");

        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, sample.Output);
        Assert.Contains("Connector preflight against the demo's simulated Shopware and Sitoo", sample.Output, StringComparison.Ordinal);
        Assert.Contains("[OK      ] Shopware credentials", sample.Output, StringComparison.Ordinal);
        Assert.Contains("[OK      ] Warehouses", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[BLOCKING]", sample.Output, StringComparison.Ordinal);
        Assert.Contains("Result: ready to go live", sample.Output, StringComparison.Ordinal);
        // The check runs the preflight only: no engine, no dashboard, no demo traffic.
        Assert.DoesNotContain("dashboard:", sample.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_product_preview_prints_the_Sitoo_shape_of_a_demo_product_without_running()
    {
        var data = Directory.CreateTempSubdirectory("connectors-check-").FullName;
        await using var sample = SampleProcess.Start("--preview-product", "DEMO-001", "--data", data, "--port", "0");

        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, sample.Output);
        Assert.Contains("sku DEMO-001", sample.Output, StringComparison.Ordinal);
        Assert.Contains("title Demo product DEMO-001", sample.Output, StringComparison.Ordinal);
        Assert.Contains("vatid 2", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("dashboard:", sample.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warehouse_Sitoo_does_not_have_fails_the_check()
    {
        var data = Directory.CreateTempSubdirectory("connectors-check-").FullName;
        await using var sample = SampleProcess.Start("--check", "--data", data, "--port", "0", "--Connectors:Sync:Stock:Locations:9:SitooWarehouseId=999");

        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 1, sample.Output);
        Assert.Contains("[BLOCKING] Warehouses", sample.Output, StringComparison.Ordinal);
        Assert.Contains("names warehouse 999", sample.Output, StringComparison.Ordinal);
        Assert.Contains("Result: NOT READY", sample.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_configuration_fails_the_check_naming_what_is_missing()
    {
        var data = Directory.CreateTempSubdirectory("connectors-check-").FullName;
        await using var sample = SampleProcess.Start("--check", "--data", data, "--Connectors:Shopware:BaseAddress=https://shop.example.com/");

        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 1, sample.Output);
        Assert.Contains("[BLOCKING] Configuration: Shopware ClientId is required.", sample.Output, StringComparison.Ordinal);
        Assert.Contains("[BLOCKING] Configuration: ApiId is required.", sample.Output, StringComparison.Ordinal);
    }
}
