using System.Text.Json.Nodes;
using Connectors.Sitoo.Models;

namespace Connectors.Testing.Tests.Sitoo;

public class SitooVariantAndPriceListTests
{
    private static JsonObject VariantWrite(long productId, string sku, params string[] attributes) => new()
    {
        ["productid"] = productId, ["active"] = true, ["activepos"] = true, ["title"] = "Shoe " + sku, ["sku"] = sku,
        ["deliverystatus"] = "", ["moneyprice"] = "499.00", ["moneypriceorg"] = "0.00", ["moneypricein"] = "0.00",
        ["moneyofferprice"] = "0.00", ["barcode"] = "", ["friendly"] = "",
        ["attributes"] = new JsonArray([.. attributes.Select(a => (JsonNode?)a)]),
    };

    [Fact]
    public async Task Setting_a_variant_set_links_the_variants_to_the_main_variant_and_replaces_the_old_set()
    {
        await using var sitoo = SitooHarness.Create();
        var main = sitoo.Simulator.AddProduct("SHOE-41", "Shoe", 499m);
        var groups = new JsonArray(new JsonObject { ["name"] = "Size", ["options"] = new JsonArray("41", "42", "43") });

        var (first, _) = await sitoo.SendAsync(HttpMethod.Put, $"sites/1/products/{main}/productvariants.json", new JsonObject
        {
            ["groups"] = groups.DeepClone(),
            ["variants"] = new JsonArray(VariantWrite(main, "SHOE-41", "41"), VariantWrite(0, "SHOE-42", "42"), VariantWrite(0, "SHOE-43", "43")),
        });
        var (second, _) = await sitoo.SendAsync(HttpMethod.Put, $"sites/1/products/{main}/productvariants.json", new JsonObject
        {
            ["groups"] = groups.DeepClone(),
            ["variants"] = new JsonArray(VariantWrite(main, "SHOE-41", "41"), VariantWrite(0, "SHOE-44", "44")),
        });
        var read = await sitoo.GetJsonAsync($"sites/1/products/{main}/productvariants.json");
        var products = sitoo.Simulator.ListProducts();

        Assert.Equal((200, 200), (first, second));
        Assert.Equal(["SHOE-41", "SHOE-44"], products.Select(p => (string)p["sku"]!));
        Assert.All(products, p => Assert.Equal(main, (long)p["variantparentid"]!));
        Assert.Equal(["41", "44"], read["variants"]!.AsArray().Select(v => (string)v!["attributes"]![0]!));
        Assert.Equal("Size", (string)read["groups"]![0]!["name"]!);
        Assert.Equal("44", (string)products[1]["variant"]![0]!["value"]!);
    }

    [Fact]
    public async Task Price_list_items_answer_a_status_per_item_and_product_groups_carry_the_VAT_rate()
    {
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.AddProduct("SHOE-41", "Shoe", 499m);
        var euro = sitoo.Simulator.AddPriceList("Euro", "EUR");

        var (status, body) = await sitoo.SendAsync(HttpMethod.Put, $"sites/1/pricelists/{euro}/pricelistitems.json", new JsonArray(
            new JsonObject { ["sku"] = "SHOE-41", ["moneyprice"] = "45.00" },
            new JsonObject { ["sku"] = "NOPE", ["moneyprice"] = "1.00" }));
        var groups = await sitoo.GetJsonAsync("sites/1/productgroups.json");
        var lists = await sitoo.GetJsonAsync("sites/1/pricelists.json");

        Assert.Equal(200, status);
        Assert.Equal([200, 400], body!.AsArray().Select(item => (int)item!["statuscode"]!));
        Assert.Equal(45m, sitoo.Simulator.PriceListPrice(euro, "SHOE-41"));
        Assert.Null(sitoo.Simulator.PriceListPrice(euro, "NOPE"));
        Assert.Contains(groups["items"]!.AsArray(), g => (int)g!["vatid"]! == 2 && (decimal)g["value"]! == 25m);
        Assert.Equal(["", "EUR"], lists["items"]!.AsArray().Select(l => (string)l!["currencycode"]!));
    }

    [Fact]
    public async Task Our_client_sets_and_reads_a_variant_group_and_reads_groups_and_price_lists()
    {
        await using var sitoo = SitooHarness.Create();
        var main = sitoo.Simulator.AddProduct("SHOE-41", "Shoe", 499m);
        sitoo.Simulator.AddPriceList("Euro", "EUR");

        await sitoo.Client.Products.SetVariantsAsync(main, new SitooProductVariantsWrite
        {
            Groups = [new SitooProductVariantGroup { Name = "Size", Options = ["41", "42"] }],
            Variants =
            [
                new SitooProductVariant { ProductId = main, Sku = "SHOE-41", Title = "Shoe", MoneyPrice = 499m, Attributes = ["41"] },
                new SitooProductVariant { Sku = "SHOE-42", Title = "Shoe", MoneyPrice = 549m, Attributes = ["42"] },
            ],
        });
        var read = await sitoo.Client.Products.GetVariantsAsync(main);
        var prices = await sitoo.Client.Products.SetPriceListItemsAsync(2, [new SitooPriceListItem { Sku = "SHOE-42", MoneyPrice = 50m }]);
        var groups = await sitoo.Client.Products.ListProductGroupsAsync().ToListAsync();
        var lists = await sitoo.Client.Products.ListPriceListsAsync().ToListAsync();

        Assert.Equal([("SHOE-41", 499m), ("SHOE-42", 549m)], read.Variants.Select(v => (v.Sku, v.MoneyPrice)));
        Assert.Equal(["41", "42"], Assert.Single(read.Groups).Options);
        Assert.Equal(200, Assert.Single(prices).StatusCode);
        Assert.Equal(25m, groups.Single(g => g.VatId == 2).Value);
        Assert.Equal([1, 2], lists.Select(l => l.PriceListId));
    }
}
