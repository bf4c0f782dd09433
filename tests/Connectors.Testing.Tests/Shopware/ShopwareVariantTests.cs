using System.Text;
using System.Text.Json.Nodes;
using Connectors.Shopware;
using Connectors.Shopware.Webhooks;
using Connectors.Testing.Shopware;

namespace Connectors.Testing.Tests.Shopware;

public class ShopwareVariantTests
{
    private static readonly Uri _receiverUrl = new("http://receiver.test/shopware");

    private static async Task<JsonArray> SearchAsync(ShopwareTestShop shop, string entity, JsonObject criteria)
    {
        var (_, body) = await shop.CallAsync($"api/search/{entity}", criteria);
        return body!["data"]!.AsArray();
    }

    [Fact]
    public async Task A_variant_stores_null_for_inherited_fields_and_carries_its_options_when_asked()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("SHOE", 0) { Name = "Shoe", GrossPrice = 499m, TaxRate = 25m });
        shop.Simulator.AddVariant("SHOE", new ShopVariantDraft("SHOE-41", 3) { Options = [new ShopVariantOption("Size", "41")] });
        shop.Simulator.AddVariant("SHOE", new ShopVariantDraft("SHOE-42", 3) { Options = [new ShopVariantOption("Size", "42")], GrossPrice = 549m, TaxRate = 12m });

        var rows = await SearchAsync(shop, "product", new JsonObject
        {
            ["associations"] = new JsonObject { ["options"] = new JsonObject { ["associations"] = new JsonObject { ["group"] = new JsonObject() } } },
            ["sort"] = new JsonArray(new JsonObject { ["field"] = "productNumber" }),
        });
        var taxes = await SearchAsync(shop, "tax", new JsonObject());

        var (parent, inherits, own) = (rows[0]!, rows[1]!, rows[2]!);
        Assert.Equal(2, (int)parent["childCount"]!);
        Assert.Equal((string)parent["id"]!, (string)inherits["parentId"]!);
        Assert.Null(inherits["price"]);
        Assert.Null(inherits["name"]);
        Assert.Null(inherits["taxId"]);
        Assert.Equal(549m, (decimal)own["price"]![0]!["gross"]!);
        Assert.Equal(("Size", "41"), ((string)inherits["options"]![0]!["group"]!["name"]!, (string)inherits["options"]![0]!["name"]!));
        Assert.Equal(12m, (decimal)taxes.Single(t => (string)t!["id"]! == (string)own["taxId"]!)!["taxRate"]!);
    }

    [Fact]
    public async Task Changing_and_deleting_a_product_raise_product_written_and_product_deleted()
    {
        var receiver = new RecordingReceiver();
        await using var shop = new ShopwareTestShop(new ShopwareSimulatorOptions { WebhookHandler = receiver, WebhookRetries = 0 });
        shop.Simulator.AddProduct(new ShopProductDraft("SHOE", 0));
        shop.Simulator.AddVariant("SHOE", new ShopVariantDraft("SHOE-41", 3) { Options = [new ShopVariantOption("Size", "41")] });
        shop.Simulator.Webhooks.Register("written", "product.written", _receiverUrl, appSecret: null);
        shop.Simulator.Webhooks.Register("deleted", "product.deleted", _receiverUrl, appSecret: null);

        shop.Simulator.ChangeProduct("SHOE", new ShopProductChange { GrossPrice = 399m, Active = false });
        shop.Simulator.DeleteProduct("SHOE");
        await shop.Simulator.Webhooks.DeliverPendingAsync();
        var products = await SearchAsync(shop, "product", new JsonObject());

        var events = receiver.Received.Select(r => ShopwareWebhookEvent.Parse(Encoding.UTF8.GetBytes(r.Body))).ToList();
        Assert.Equal(["product.written", "product.deleted"], events.Select(e => e.EventName));
        Assert.Equal(["updatedAt", "price", "active"], events[0].GetEntityWrites().Single().UpdatedFields);
        Assert.Equal(2, events[1].GetEntityWrites().Count(write => write.Operation == "delete"));
        Assert.Empty(products);
    }

    [Fact]
    public async Task Our_client_reads_a_variants_options_price_and_tax_and_sees_null_where_it_inherits()
    {
        await using var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("SHOE", 0) { Name = "Shoe", GrossPrice = 499m, TaxRate = 25m });
        shop.Simulator.AddVariant("SHOE", new ShopVariantDraft("SHOE-41", 3) { Options = [new ShopVariantOption("Size", "41")] });
        shop.Simulator.AddVariant("SHOE", new ShopVariantDraft("SHOE-42", 3) { Options = [new ShopVariantOption("Size", "42")], GrossPrice = 549m });

        var result = await shop.Client().Products.SearchAsync(new ShopwareCriteria().Association("options.group").Sort("productNumber"));

        var (parent, inherits, own) = (result.Items[0], result.Items[1], result.Items[2]);
        Assert.Equal((499m, "Shoe"), (Assert.Single(parent.Price!).Gross, parent.Name));
        Assert.NotNull(parent.TaxId);
        Assert.Equal((null, null, null), (inherits.Price, inherits.Name, inherits.TaxId));
        Assert.Equal(549m, Assert.Single(own.Price!).Gross);
        var option = Assert.Single(inherits.Options!);
        Assert.Equal(("41", "Size"), (option.Name, option.Group!.Name));
    }
}
