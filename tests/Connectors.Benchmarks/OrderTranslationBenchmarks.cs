using BenchmarkDotNet.Attributes;
using Connectors.Core.Orders;
using NodaTime;

namespace Connectors.Benchmarks;

/// <summary>
/// Translating one gross Shopware order with a cart-wide 10 % promotion (spread proportionally, no composition)
/// into a Sitoo order draft, for orders of 5 and 50 product lines.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class OrderTranslationBenchmarks
{
    private const int OrdersPerInvocation = 10_000;

    private readonly OrderTranslator _translator = new();
    private ShopwareOrderSnapshot _order = null!;

    [Params(5, 50)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var lines = new List<ShopwareLineSnapshot>();
        for (var i = 0; i < Lines; i++)
        {
            var total = 100m + i;
            lines.Add(new ShopwareLineSnapshot($"line{i}", ShopwareLineTypes.Product, $"Product {i}", 1, Gross(total))
            {
                Identifier = $"line{i}",
                ProductNumber = $"SKU-{i}",
                Position = i,
            });
        }

        var goods = lines.Sum(line => line.Price.TotalPrice);
        var discount = Math.Round(goods / 10m, 2);
        lines.Add(new ShopwareLineSnapshot("promo", ShopwareLineTypes.Promotion, "Ten percent", 1, Gross(-discount))
        {
            Position = Lines,
            Promotion = new ShopwarePromotionPayload("percentage", "cart") { Code = "TEN" },
        });
        _order = new ShopwareOrderSnapshot(
            "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "10001", Instant.FromUtc(2026, 3, 1, 9, 0), "SEK",
            ShopwareTaxStatus.Gross, goods - discount, ShopwarePrice.Zero, lines,
            new ShopwareCustomerSnapshot("anna@example.com", "Anna", "Svensson"));

        // Measure the path that succeeds: a failed translation would return early and look fast.
        if (_translator.Translate(_order) is not OrderTranslationResult.Translated)
        {
            throw new InvalidOperationException("The benchmark order does not translate.");
        }
    }

    /// <summary>10,000 translations per invocation; BenchmarkDotNet reports the time per translation.</summary>
    [Benchmark(OperationsPerInvoke = OrdersPerInvocation)]
    public int Translate()
    {
        var translated = 0;
        for (var i = 0; i < OrdersPerInvocation; i++)
        {
            if (_translator.Translate(_order) is OrderTranslationResult.Translated)
            {
                translated++;
            }
        }
        return translated;
    }

    /// <summary>VAT 25 % included in a gross amount.</summary>
    private static ShopwarePrice Gross(decimal total) =>
        new(total, [new ShopwareTaxSnapshot(Math.Round(total / 5m, 2), 25m, total)]);
}
