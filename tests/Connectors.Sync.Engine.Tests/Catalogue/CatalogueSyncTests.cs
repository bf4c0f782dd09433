using Connectors.Core.Catalogue;
using Connectors.Sync.Catalogue;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Catalogue.CatalogueScenario;

namespace Connectors.Sync.Engine.Tests.Catalogue;

/// <summary>The catalogue pipeline end to end: a catalogue made in Shopware only reaches the Sitoo simulator exactly.</summary>
public sealed class CatalogueSyncTests
{
    [Fact]
    public async Task A_catalogue_of_1000_products_with_variants_reaches_Sitoo_exactly()
    {
        await using var harness = await StartAsync();
        var skus = AddCatalogue(harness, singles: 700, parents: 300);

        await DeliverAndSyncAsync(harness);

        var sitoo = SitooProducts(harness);
        Assert.Equal(skus.Order(StringComparer.Ordinal), sitoo.Keys.Order(StringComparer.Ordinal));
        var single = sitoo["S-0007"];
        Assert.Equal(("Single S-0007", 17m, 3L, true), (single["title"]!.GetValue<string>(), Money(single["moneyprice"]), Id(single["vatid"]), single["activepos"]!.GetValue<bool>()));
        Assert.Null(single["variantparentid"]);
        foreach (var parent in new[] { "P-001", "P-150", "P-300" })
        {
            // The main variant is the lowest SKU of the group; every member points at it and carries its size.
            var main = Id(sitoo[parent + "-L"]["productid"]);
            foreach (var size in new[] { "S", "M", "L" })
            {
                var variant = sitoo[$"{parent}-{size}"];
                Assert.Equal(main, Id(variant["variantparentid"]));
                Assert.Equal("Size=" + size, string.Join(",", variant["variant"]!.AsArray().Select(value => $"{value!["name"]}={value["value"]}")));
                Assert.Equal(size == "L" ? 27m : 25m, Money(variant["moneyprice"]));
                Assert.Equal("Shirt " + parent, variant["title"]!.GetValue<string>());
            }
        }

        Assert.Empty(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
    }

    [Fact]
    public async Task An_edit_a_price_change_a_deactivation_and_a_deletion_each_arrive_once()
    {
        await using var harness = await StartAsync();
        AddCatalogue(harness, singles: 20, parents: 5);
        await DeliverAndSyncAsync(harness);
        (string Name, Action Change, Func<Dictionary<string, System.Text.Json.Nodes.JsonObject>, bool> Arrived)[] changes =
        [
            ("edit", () => harness.Shop.ChangeProduct("S-0001", new ShopProductChange { Name = "Renamed" }), sitoo => sitoo["S-0001"]["title"]!.GetValue<string>() == "Renamed"),
            ("price", () => harness.Shop.ChangeProduct("S-0002", new ShopProductChange { GrossPrice = 99.95m }), sitoo => Money(sitoo["S-0002"]["moneyprice"]) == 99.95m),
            ("deactivation", () => harness.Shop.ChangeProduct("S-0003", new ShopProductChange { Active = false }), sitoo => !sitoo["S-0003"]["activepos"]!.GetValue<bool>()),
            ("deletion", () => harness.Shop.DeleteProduct("S-0004"), sitoo => !sitoo["S-0004"]["activepos"]!.GetValue<bool>()),
        ];

        foreach (var (name, change, arrived) in changes)
        {
            harness.Clock.Advance(Duration.FromSeconds(1));
            var before = CatalogueWrites(harness);
            change();
            await DeliverAndSyncAsync(harness);
            Assert.True(arrived(SitooProducts(harness)), $"The {name} did not reach Sitoo.");
            Assert.True(CatalogueWrites(harness) - before == 1, $"The {name} took {CatalogueWrites(harness) - before} Sitoo writes.");
        }

        // Deletion deactivates: the product and its sold history stay in Sitoo.
        Assert.Equal(20 + (5 * 3), SitooProducts(harness).Count);
    }

    [Fact]
    public async Task Description_manufacturer_categories_and_custom_fields_reach_Sitoo_where_mapped_and_an_edited_description_arrives_once()
    {
        await using var harness = await StartAsync(options =>
        {
            options.Catalogue.Categories["cat-shoes"] = 12;
            options.Catalogue.Manufacturers["man-acme"] = 7;
            options.Catalogue.CustomFields["material"] = 2;
        });
        harness.Shop.AddProduct(new ShopProductDraft("SHOE-1", 5)
        {
            Name = "Shoe",
            Description = "Leather shoe",
            ManufacturerId = "man-acme",
            ManufacturerNumber = "AC-1",
            CategoryIds = ["cat-unmapped", "cat-shoes"],
            CustomFields = new Dictionary<string, string> { ["material"] = "leather", ["care"] = "wipe clean" },
        });
        await DeliverAndSyncAsync(harness);

        var shoe = SitooProducts(harness)["SHOE-1"];
        Assert.Equal("Leather shoe", shoe["description"]!.GetValue<string>());
        Assert.Equal("AC-1", shoe["skumanufacturer"]!.GetValue<string>());
        Assert.Equal(7, shoe["manufacturerid"]!.GetValue<int>());
        Assert.Equal(12, shoe["defaultcategoryid"]!.GetValue<int>());
        // Sitoo's API description types category ids as text; the unmapped category is left out.
        Assert.Equal(["12"], shoe["categories"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal("leather", shoe["custom2"]!.GetValue<string>());

        harness.Clock.Advance(Duration.FromSeconds(1));
        var before = CatalogueWrites(harness);
        harness.Shop.ChangeProduct("SHOE-1", new ShopProductChange { Description = "Leather shoe, resoled" });
        await DeliverAndSyncAsync(harness);
        Assert.Equal("Leather shoe, resoled", SitooProducts(harness)["SHOE-1"]["description"]!.GetValue<string>());
        Assert.Equal(1, CatalogueWrites(harness) - before);

        // Nothing changed since: a pass after another webhook writes nothing.
        harness.Clock.Advance(Duration.FromSeconds(1));
        harness.Shop.ChangeProduct("SHOE-1", new ShopProductChange { Description = "Leather shoe, resoled" });
        await DeliverAndSyncAsync(harness);
        Assert.Equal(1, CatalogueWrites(harness) - before);
    }

    [Fact]
    public async Task A_deletion_whose_webhook_was_lost_is_deactivated_by_the_next_sweep_and_nothing_else_is()
    {
        await using var harness = await StartAsync();
        AddCatalogue(harness, singles: 5, parents: 2);
        harness.Pos.AddProduct("POS-ONLY", "Sold in the stores only", 5m);
        await DeliverAndSyncAsync(harness);

        harness.Shop.Webhooks.Faults = new ShopwareWebhookFaults { DropProbability = 1 };
        harness.Shop.DeleteProduct("S-0002");
        harness.Shop.DeleteProduct("P-001");
        await DeliverAndSyncAsync(harness);
        Assert.True(SitooProducts(harness)["S-0002"]["activepos"]!.GetValue<bool>(), "the lost webhook was not lost");

        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Catalogue.DeletionSweepEvery));
        await harness.SyncAsync(maxPasses: 2_000);

        var inactive = SitooProducts(harness).Where(product => !product.Value["activepos"]!.GetValue<bool>()).Select(product => product.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["P-001-L", "P-001-M", "P-001-S", "S-0002"], inactive);
    }

    [Fact]
    public async Task A_single_product_that_gains_variants_is_taken_off_the_tills_and_its_variants_are_sold_instead()
    {
        await using var harness = await StartAsync();
        AddCatalogue(harness, singles: 3, parents: 0);
        await DeliverAndSyncAsync(harness);
        Assert.True(SitooProducts(harness)["S-0002"]["activepos"]!.GetValue<bool>());

        harness.Clock.Advance(Duration.FromSeconds(1));
        foreach (var size in new[] { "S", "M" })
        {
            harness.Shop.AddVariant("S-0002", new ShopVariantDraft("S-0002-" + size, 4) { Options = [new ShopVariantOption("Size", size)] });
        }

        await DeliverAndSyncAsync(harness);

        var sitoo = SitooProducts(harness);
        Assert.False(sitoo["S-0002"]["activepos"]!.GetValue<bool>(), "the former single product can still be rung up");
        Assert.All(["S-0002-S", "S-0002-M", "S-0001", "S-0003"], sku => Assert.True(sitoo[sku]["activepos"]!.GetValue<bool>(), sku));
    }

    [Fact]
    public async Task A_deleted_variant_group_is_deactivated_and_a_renamed_parent_renames_its_variants_in_one_write()
    {
        await using var harness = await StartAsync();
        AddCatalogue(harness, singles: 0, parents: 3);
        await DeliverAndSyncAsync(harness);

        harness.Clock.Advance(Duration.FromSeconds(1));
        var before = CatalogueWrites(harness);
        harness.Shop.ChangeProduct("P-001", new ShopProductChange { Name = "Polo" });
        harness.Shop.DeleteProduct("P-002");
        await DeliverAndSyncAsync(harness);

        var sitoo = SitooProducts(harness);
        Assert.All(["P-001-S", "P-001-M", "P-001-L"], sku => Assert.Equal("Polo", sitoo[sku]["title"]!.GetValue<string>()));
        Assert.All(["P-002-S", "P-002-M", "P-002-L"], sku => Assert.False(sitoo[sku]["activepos"]!.GetValue<bool>()));
        Assert.All(["P-003-S", "P-003-M", "P-003-L"], sku => Assert.True(sitoo[sku]["activepos"]!.GetValue<bool>()));
        Assert.Equal(2, CatalogueWrites(harness) - before);
    }

    [Fact]
    public async Task Replayed_and_duplicated_webhooks_change_nothing()
    {
        await using var harness = await StartAsync();
        AddCatalogue(harness, singles: 10, parents: 2);
        harness.Shop.Webhooks.Faults = new ShopwareWebhookFaults { DuplicateProbability = 1 };
        await DeliverAndSyncAsync(harness);
        harness.Clock.Advance(Duration.FromSeconds(1));
        harness.Shop.ChangeProduct("S-0001", new ShopProductChange { Name = "Renamed" });
        harness.Shop.DeleteProduct("S-0002");
        await DeliverAndSyncAsync(harness);
        var writes = CatalogueWrites(harness);
        var products = SitooProducts(harness).ToDictionary(product => product.Key, product => product.Value.ToJsonString());

        // Every delivery arrives again, as Shopware retries a webhook it did not see answered.
        foreach (var delivery in harness.Shop.Webhooks.Deliveries)
        {
            await harness.Store.Inbox.StoreAsync(
                new InboxDelivery(InboxSources.Shopware, "replay-" + delivery.EventId, delivery.EventName, System.Text.Encoding.UTF8.GetBytes(delivery.Body), new Dictionary<string, string>()),
                default);
        }

        harness.Clock.Advance(Duration.FromMinutes(10));
        await harness.SyncAsync();

        Assert.Equal(writes, CatalogueWrites(harness));
        Assert.Equal(products, SitooProducts(harness).ToDictionary(product => product.Key, product => product.Value.ToJsonString()));
    }

    [Fact]
    public async Task A_crash_at_any_commit_of_the_load_resumes_without_duplicates()
    {
        var crashesAfterSitooWrites = 0;
        for (var crashAt = 1; crashAt < 60; crashAt += 4)
        {
            await using var harness = await StartAsync(options => options.Catalogue.PageSize = 40);
            var skus = AddCatalogue(harness, singles: 150, parents: 20);
            await harness.RestartAsync(crashAt);
            try
            {
                await DeliverAndSyncAsync(harness);
            }
            catch (SimulatedCrashException)
            {
                // The engine died here; a failed poll may also have swallowed it, hence the check below.
            }

            if (!harness.Crashing!.Crashed)
            {
                break;
            }

            crashesAfterSitooWrites += SitooProducts(harness).Count > 0 ? 1 : 0;
            await harness.RestartAsync();
            harness.Clock.Advance(Duration.FromMinutes(1));
            await harness.SyncAsync(maxPasses: 2_000);

            Assert.Equal(skus.Order(StringComparer.Ordinal), SitooProducts(harness).Keys.Order(StringComparer.Ordinal));
            Assert.Empty(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
        }

        // Some crashes came after Sitoo had products whose commit was lost: their SKUs were found, not added again.
        Assert.True(crashesAfterSitooWrites > 0);
    }

    [Fact]
    public async Task A_bad_product_becomes_an_exception_with_its_owner_and_fix_while_the_rest_is_written()
    {
        await using var harness = await StartAsync();
        var skus = AddCatalogue(harness, singles: 30, parents: 2);
        harness.Shop.AddProduct(new ShopProductDraft("REDUCED-1", 1) { TaxRate = 7m });
        harness.Shop.AddProduct(new ShopProductDraft("BAD SKU", 1));

        await DeliverAndSyncAsync(harness);

        Assert.Equal(skus.Order(StringComparer.Ordinal), SitooProducts(harness).Keys.Order(StringComparer.Ordinal));
        var exceptions = await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default);
        Assert.Equal(
            [(ReasonCodes.CatalogueInvalidSku, OwningTeam.Ecommerce), (ReasonCodes.CatalogueUnmappedVatRate, OwningTeam.Finance)],
            exceptions.Select(record => (record.ReasonCode, record.Team)).Order());
        Assert.All(exceptions, record => Assert.NotEmpty(record.Fix));
        Assert.Contains(exceptions, record => record.Message.Contains("REDUCED-1", StringComparison.Ordinal) && record.Fix.Contains("Catalogue:VatGroups", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prices_in_further_currencies_reach_their_Sitoo_price_list_and_follow_a_price_change()
    {
        // The simulated shop prices in its default currency only; a wrapped policy prices SEK at ten times that.
        const int SekList = 2;
        await using var harness = await StartAsync(connector: builder => builder.DecoratePolicy<ICatalogueMappingPolicy>((_, inner) => new SekPrices(inner, SekList)));
        Assert.Equal(SekList, harness.Pos.AddPriceList("Sweden", "SEK"));
        var skus = AddCatalogue(harness, singles: 10, parents: 2);

        await DeliverAndSyncAsync(harness);
        harness.Clock.Advance(Duration.FromSeconds(1));
        harness.Shop.ChangeProduct("S-0003", new ShopProductChange { GrossPrice = 12.5m });
        await DeliverAndSyncAsync(harness);

        Assert.All(skus, sku => Assert.Equal(Money(SitooProducts(harness)[sku]["moneyprice"]) * 10, harness.Pos.PriceListPrice(SekList, sku)));
        Assert.Equal(125m, harness.Pos.PriceListPrice(SekList, "S-0003"));
    }

    private sealed class SekPrices(ICatalogueMappingPolicy inner, int priceList) : ICatalogueMappingPolicy
    {
        public CatalogueMappingResult Map(ShopwareCatalogueProduct product)
        {
            var mapped = inner.Map(product);
            return mapped with { Products = [.. mapped.Products.Select(draft => draft with { PriceListPrices = [new SitooPriceListPrice(priceList, "SEK", draft.MoneyPrice * 10)] })] };
        }
    }

    [Fact]
    public async Task A_product_Sitoo_refuses_in_a_batch_is_parked_with_Sitoos_reason_while_the_rest_of_the_batch_is_written()
    {
        // An integrator's policy that gives S-0005 the SKU of S-0006: Sitoo refuses the second add of that SKU in the batch.
        await using var harness = await StartAsync(connector: builder => builder.DecoratePolicy<ICatalogueMappingPolicy>((_, inner) => new RenamesSku(inner, "S-0005", "S-0006")));
        var skus = AddCatalogue(harness, singles: 30, parents: 0);

        await DeliverAndSyncAsync(harness);

        Assert.Equal(skus.Where(sku => sku != "S-0005").Order(StringComparer.Ordinal), SitooProducts(harness).Keys.Order(StringComparer.Ordinal));
        var refused = Assert.Single(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
        Assert.Equal((ReasonCodes.ApiRejected, OwningTeam.Ecommerce), (refused.ReasonCode, refused.Team));
        Assert.Contains(refused.Entity.Id, new[] { harness.Shop.GetProduct("S-0005").Id, harness.Shop.GetProduct("S-0006").Id });
        Assert.Contains("already exists", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_that_gives_a_product_no_SKU_parks_that_product_alone()
    {
        await using var harness = await StartAsync(connector: builder => builder.DecoratePolicy<ICatalogueMappingPolicy>((_, inner) => new RenamesSku(inner, "S-0005", "")));
        var skus = AddCatalogue(harness, singles: 30, parents: 0);

        await DeliverAndSyncAsync(harness);

        Assert.Equal(skus.Where(sku => sku != "S-0005").Order(StringComparer.Ordinal), SitooProducts(harness).Keys.Order(StringComparer.Ordinal));
        var refused = Assert.Single(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
        Assert.Equal((ReasonCodes.CatalogueMissingProductNumber, harness.Shop.GetProduct("S-0005").Id), (refused.ReasonCode, refused.Entity.Id));
    }

    private sealed class RenamesSku(ICatalogueMappingPolicy inner, string sku, string to) : ICatalogueMappingPolicy
    {
        public CatalogueMappingResult Map(ShopwareCatalogueProduct product)
        {
            var mapped = inner.Map(product);
            return mapped with { Products = [.. mapped.Products.Select(draft => draft.Sku == sku ? draft with { Sku = to } : draft)] };
        }
    }

    [Fact]
    public async Task The_preview_shows_the_Sitoo_shape_of_a_variant_group_without_writing()
    {
        await using var harness = await StartAsync(options => options.Catalogue.Enabled = false);
        AddCatalogue(harness, singles: 0, parents: 1);
        var previewer = (CataloguePreviewer)harness.Services.GetService(typeof(CataloguePreviewer))!;

        var preview = await previewer.PreviewAsync("P-001-M", default);

        Assert.NotNull(preview);
        Assert.Equal(["P-001-L", "P-001-M", "P-001-S"], preview.Products.Select(product => product.Sku));
        Assert.All(preview.Products, product => Assert.Equal(("P-001-L", CatalogueScenario.VatGroup), (product.VariantGroupSku, product.VatId)));
        Assert.Contains("variant of P-001-L: Size=M", CataloguePreviewer.ToText(preview), StringComparison.Ordinal);
        Assert.Null(await previewer.PreviewAsync("NOPE", default));
        Assert.Equal(0, CatalogueWrites(harness));
    }
}
