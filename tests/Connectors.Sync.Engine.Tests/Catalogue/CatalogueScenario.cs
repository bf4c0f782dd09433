using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Options;
using Connectors.Testing.Shopware;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.Engine.Tests.Catalogue;

/// <summary>A catalogue made in Shopware only, the catalogue sync on, and Shopware's product webhooks stored in the inbox.</summary>
internal static class CatalogueScenario
{
    /// <summary>Sitoo's product group for Shopware's 19 % in these tests.</summary>
    public const int VatGroup = 3;

    public static async Task<ConnectorHarness> StartAsync(Action<ConnectorOptions>? configure = null, Action<ConnectorBuilder>? connector = null)
    {
        var receiver = new ShopwareInboxReceiver();
        var harness = await ConnectorHarness.StartAsync(
            options =>
            {
                Enable(options);
                configure?.Invoke(options);
            },
            shop: new ShopwareSimulatorOptions { WebhookHandler = receiver, WebhookRetries = 0 },
            connector: connector);
        receiver.Store = () => harness.Store;
        foreach (var name in new[] { "product.written", "product.deleted" })
        {
            harness.Shop.Webhooks.Register("connector-" + name, name, new Uri("http://connector.test/webhooks/shopware"), appSecret: null);
        }

        return harness;
    }

    /// <summary>
    /// Adds <paramref name="singles"/> single products (<c>S-0001</c> …) and <paramref name="parents"/> parents
    /// (<c>P-001</c> …) with three sizes each (<c>P-001-S</c>, <c>-M</c>, <c>-L</c>), a millisecond apart as staff or an import make them.
    /// </summary>
    /// <returns>Every SKU that is sold: the singles and the variants.</returns>
    public static List<string> AddCatalogue(ConnectorHarness harness, int singles, int parents) => AddCatalogue(harness.Shop, harness.Clock, singles, parents);

    /// <inheritdoc cref="AddCatalogue(ConnectorHarness, int, int)"/>
    public static List<string> AddCatalogue(ShopwareSimulator shop, FakeClock clock, int singles, int parents)
    {
        var skus = new List<string>();
        for (var i = 1; i <= singles; i++)
        {
            var sku = FormattableString.Invariant($"S-{i:0000}");
            shop.AddProduct(new ShopProductDraft(sku, 5) { Name = "Single " + sku, GrossPrice = 10m + (i % 50) });
            clock.Advance(Duration.FromMilliseconds(1));
            skus.Add(sku);
        }

        for (var i = 1; i <= parents; i++)
        {
            var parent = FormattableString.Invariant($"P-{i:000}");
            shop.AddProduct(new ShopProductDraft(parent, 0) { Name = "Shirt " + parent, GrossPrice = 25m });
            foreach (var size in new[] { "S", "M", "L" })
            {
                shop.AddVariant(parent, new ShopVariantDraft($"{parent}-{size}", 3) { Options = [new ShopVariantOption("Size", size)], GrossPrice = size == "L" ? 27m : null });
                skus.Add($"{parent}-{size}");
            }

            clock.Advance(Duration.FromMilliseconds(1));
        }

        return skus;
    }

    /// <summary>The catalogue sync on, 19 % mapped, small batches and a short poll interval.</summary>
    public static void Enable(ConnectorOptions options)
    {
        options.Catalogue.Enabled = true;
        options.Catalogue.VatGroups = new() { ["19"] = VatGroup };
        options.Catalogue.PollInterval = TimeSpan.FromSeconds(5);
        options.Catalogue.BatchSize = 50;
    }

    /// <summary>Delivers Shopware's pending webhooks to the inbox, then runs the engine until it is idle.</summary>
    public static async Task DeliverAndSyncAsync(ConnectorHarness harness)
    {
        await harness.Shop.Webhooks.DeliverPendingAsync();
        await harness.SyncAsync(maxPasses: 2_000);
    }

    /// <summary>Sitoo's products by SKU; a second product with one SKU fails the dictionary (the simulator also refuses one).</summary>
    public static Dictionary<string, JsonObject> SitooProducts(ConnectorHarness harness) =>
        harness.Pos.ListProducts().ToDictionary(product => product["sku"]!.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>Every catalogue write Sitoo received: products added or updated, variant sets and price list items.</summary>
    public static int CatalogueWrites(ConnectorHarness harness) =>
        harness.Pos.Calls.ByOperation.Where(call => call.Key.StartsWith('P') && (call.Key.Contains("/products", StringComparison.Ordinal) || call.Key.Contains("/pricelists", StringComparison.Ordinal)))
            .Sum(call => call.Value);

    public static decimal Money(JsonNode? value) => decimal.Parse(value!.ToString(), CultureInfo.InvariantCulture);

    public static long Id(JsonNode? value) => long.Parse(value!.ToString(), CultureInfo.InvariantCulture);
}
