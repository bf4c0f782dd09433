using System.Globalization;
using Connectors.SampleWorker.Demo;

namespace Connectors.SampleWorker;

/// <summary>
/// An independent check of the demo's end state: for every product, the stock the shop shows against what it should
/// show (projection mode): the stores' and the DC's totals less others' reservations and each location's buffer, less
/// the units of online orders neither cancelled nor delivered in Sitoo, read straight from the simulators and the demo's
/// record of its orders (<see cref="DemoExpectation"/>), not from the connector.
/// </summary>
internal static class DemoDriftCheck
{
    public static IReadOnlyList<string> DriftingSkus(DemoWorld world, DemoExpectation expectation)
    {
        var drifting = new List<string>();
        foreach (var sku in DemoCatalogue.SyncedSkus)
        {
            var expected = expectation.ExpectedStock(sku);
            var shown = world.Shop.GetProduct(sku).Stock;
            if (shown != expected)
            {
                drifting.Add(sku);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Drift: {sku} shows {shown} in the shop, expected {expected} (pool {expectation.Pool(sku)}, open online demand {expectation.OpenDemand(sku)})."));
            }
        }

        return drifting;
    }
}
