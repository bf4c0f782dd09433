using System.Globalization;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Catalogue.CatalogueScenario;

namespace Connectors.Sync.Engine.Tests.Catalogue;

/// <summary>
/// Generated interleavings of staff editing the catalogue in Shopware (renames, price changes, deletions, variants added
/// to a single product) with engine passes, webhook deliveries that arrive or are lost, and crashes at any commit. At the
/// end (a restart, a day for the deletion sweep, passes until idle) Sitoo has every sellable SKU once, active, at the
/// Shopware price; a deleted product and a single product that gained variants are off the tills; no exception is open.
/// </summary>
/// <remarks>
/// CI checks the <see cref="DefaultSchedules"/> schedules of a fixed seed. New ones:
/// <c>CONNECTORS_CATALOGUE_MODEL_SEED=random CONNECTORS_CATALOGUE_MODEL_SCHEDULES=200</c>. This model found that a
/// product written to Sitoo whose link was lost in a crash stayed sold after its deletion (steps (1, 10) (4, 3) (5, 6)
/// (3, 4) (1, 8) (4, 3)); the SKU saved before each write (<see cref="Sync.Catalogue.CatalogueWork.SkuOf"/>) mends it.
/// </remarks>
public sealed class CatalogueModelTests
{
    /// <summary>Schedules of a normal run, each a fresh shop, POS and SQLite store (about a second apiece).</summary>
    public const int DefaultSchedules = 15;

    private const int Singles = 3;

    private const string FixedSeed = "6414093719238458717,9133705318391735211";

    [Fact]
    public async Task No_interleaving_of_edits_lost_webhooks_and_crashes_leaves_Sitoo_different_from_Shopware()
    {
        var schedules = int.TryParse(Environment.GetEnvironmentVariable("CONNECTORS_CATALOGUE_MODEL_SCHEDULES"), NumberStyles.None, CultureInfo.InvariantCulture, out var more) && more > 0
            ? more
            : DefaultSchedules;
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, 6).Zip(Gen.Choose(1, 12)).ArrayOf().Select(steps => steps.Take(24).ToArray())), steps =>
            Task.Run(() => RunAsync(steps)).GetAwaiter().GetResult());
        var config = Config.QuickThrowOnFailure.WithMaxTest(schedules).WithName("catalogue model");
        var seed = Environment.GetEnvironmentVariable("CONNECTORS_CATALOGUE_MODEL_SEED") is { Length: > 0 } chosen ? chosen : FixedSeed;
        if (seed != "random")
        {
            var parts = seed.Split(',', StringSplitOptions.TrimEntries);
            config = config.WithReplay(FSharpOption<Replay>.Some(new Replay(
                new Rnd(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture)), FSharpOption<int>.None)));
        }

        await Task.Run(() => Check.One(config, property));
    }

    private static async Task<bool> RunAsync((int Action, int Value)[] steps)
    {
        await using var harness = await StartAsync();
        AddCatalogue(harness, singles: Singles, parents: 0);
        // AddCatalogue prices single i at 10 + i.
        var model = Enumerable.Range(1, Singles)
            .ToDictionary(i => FormattableString.Invariant($"S-{i:0000}"), i => new ModelProduct { Price = 10m + i }, StringComparer.Ordinal);
        var variants = 0;
        foreach (var (action, value) in steps)
        {
            var sku = FormattableString.Invariant($"S-{(value % Singles) + 1:0000}");
            var product = model[sku];
            harness.Clock.Advance(Duration.FromMilliseconds(10));
            switch (action)
            {
                case 0 when !product.Deleted:
                    harness.Shop.ChangeProduct(sku, new ShopProductChange { GrossPrice = 10m + value });
                    product.Price = 10m + value;
                    break;
                case 1 when !product.Deleted:
                    harness.Shop.DeleteProduct(sku);
                    product.Deleted = true;
                    break;
                case 2 when !product.Deleted:
                    var variant = FormattableString.Invariant($"{sku}-V{++variants}");
                    harness.Shop.AddVariant(sku, new ShopVariantDraft(variant, 2) { Options = [new ShopVariantOption("Size", variant)] });
                    product.Variants.Add(variant);
                    break;
                case 3:
                    // A delivery round, lost when the value is odd (Shopware gives up on a webhook after its retries).
                    harness.Shop.Webhooks.Faults = new ShopwareWebhookFaults { DropProbability = value % 2 };
                    await harness.Shop.Webhooks.DeliverPendingAsync();
                    harness.Shop.Webhooks.Faults = new ShopwareWebhookFaults();
                    break;
                case 4:
                    await harness.RestartAsync(crashAtCommit: value);
                    break;
                default:
                    await PassUnlessDeadAsync(harness);
                    break;
            }
        }

        await harness.RestartAsync();
        await harness.Shop.Webhooks.DeliverPendingAsync();
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Catalogue.DeletionSweepEvery) + Duration.FromMinutes(1));
        await harness.SyncAsync(maxPasses: 2_000);

        var sitoo = SitooProducts(harness);
        foreach (var (sku, product) in model)
        {
            var sellable = product.Deleted ? [] : product.Variants.Count > 0 ? product.Variants : [sku];
            foreach (var sold in sellable)
            {
                Assert.True(sitoo.TryGetValue(sold, out var row), $"{sold} is not in Sitoo; steps: {string.Join(' ', steps)}");
                Assert.True(row["activepos"]!.GetValue<bool>(), $"{sold} is not sold at the tills; steps: {string.Join(' ', steps)}");
                Assert.True(product.Price == Money(row["moneyprice"]), $"{sold} costs {row["moneyprice"]}, not {product.Price}; steps: {string.Join(' ', steps)}");
            }

            foreach (var retired in product.Variants.Append(sku).Except(sellable).Where(sitoo.ContainsKey))
            {
                Assert.False(sitoo[retired]["activepos"]!.GetValue<bool>(), $"{retired} is still sold; steps: {string.Join(' ', steps)}");
            }
        }

        // Catalogue exceptions only: a single product that gains variants leaves its old SKU's Sitoo stock without a
        // sellable Shopware product, and the stock lane opens MissingProductMapping for it, an open finding of this
        // model written down in the issue.
        var open = await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default);
        Assert.DoesNotContain(open, problem => problem.ReasonCode.StartsWith("Catalogue", StringComparison.Ordinal));
        return true;
    }

    private static async Task PassUnlessDeadAsync(ConnectorHarness harness)
    {
        try
        {
            await harness.Engine.RunOnceAsync(CancellationToken.None);
        }
        catch (SimulatedCrashException)
        {
            // Dead at the commit the schedule chose; a later restart or the end brings it back.
        }
    }

    private sealed class ModelProduct
    {
        public decimal Price { get; set; }

        public bool Deleted { get; set; }

        public List<string> Variants { get; } = [];
    }
}
