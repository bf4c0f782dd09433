using System.Net.Http.Json;
using Connectors.Benchmarks.EndToEnd;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Benchmarks.Tests;

/// <summary>The control endpoint the end-to-end benchmark drives its simulators' process through, over loopback HTTP.</summary>
public sealed class SimulatorControlTests
{
    [Fact]
    public async Task A_drive_answers_every_sale_in_order_with_the_stock_it_left_and_the_endpoints_name_every_product()
    {
        var settings = new EndToEndSettings { Skus = 4, Stores = 2 };
        await using var scenario = await StockScenario.StartAsync(settings, seed: 7, CancellationToken.None, withConnector: false);
        await using var delivery = new SimulatorProcess.EventDelivery(scenario.Pos, settings.EventDeliveryInterval);
        await using var app = SimulatorProcess.MapControl(scenario, seed: 7, delivery);
        await app.StartAsync();
        using var control = new HttpClient
        {
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        };

        var endpoints = await control.GetFromJsonAsync<SimulatorEndpoints>("endpoints");
        var movementsBefore = scenario.Pos.GetStockMovements().Count;
        using var answer = await control.PostAsJsonAsync("drive", new DriveRequest(Rate: 40, Seconds: 0.5));
        var drive = (await answer.Content.ReadFromJsonAsync<SimulatorDrive>())!.Drive;

        Assert.Equal(scenario.Skus.Order(StringComparer.Ordinal), endpoints!.SkuByProductId.Values.Order(StringComparer.Ordinal));
        // The driver stops at the end of its time, so a loaded machine rings up fewer than 20; every one it rang up (one
        // stock movement each) is in the answer.
        Assert.InRange(drive.Sales.Count, 1, 20);
        Assert.Equal(scenario.Pos.GetStockMovements().Count - movementsBefore, drive.Sales.Count);
        Assert.Equal(drive.Sales.Select(s => s.Timestamp).Order(), drive.Sales.Select(s => s.Timestamp));
        foreach (var sku in scenario.Skus)
        {
            // The last sale of a SKU left the stock the scenario now expects.
            Assert.Equal(scenario.ExpectedStock(sku), drive.Sales.LastOrDefault(s => s.Sku == sku)?.StockAfter ?? scenario.ExpectedStock(sku));
        }

        Assert.False(await control.GetFromJsonAsync<bool>("in-step"));
        var calls = await control.GetFromJsonAsync<SimulatorCalls>("calls");
        Assert.Equal(0, calls!.EventAttempts);
    }
}
