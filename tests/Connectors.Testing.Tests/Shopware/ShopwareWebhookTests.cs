using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Connectors.Shopware.Webhooks;
using Connectors.Testing.Shopware;

namespace Connectors.Testing.Tests.Shopware;

public class ShopwareWebhookTests
{
    private const string Secret = "app-secret";
    private static readonly Uri _receiverUrl = new("http://receiver.test/shopware");

    private static (ShopwareTestShop Shop, RecordingReceiver Receiver) Shop(int seed = 7)
    {
        var receiver = new RecordingReceiver();
        var shop = new ShopwareTestShop(new ShopwareSimulatorOptions { WebhookHandler = receiver, WebhookRetries = 0 }, seed);
        shop.Simulator.AddProduct(new ShopProductDraft("A", 10));
        shop.Simulator.AddProduct(new ShopProductDraft("B", 10));
        return (shop, receiver);
    }

    private static JsonArray StockRows(params (string Number, int Stock)[] rows) =>
    [
        new JsonObject
        {
            ["key"] = "s",
            ["entity"] = "product",
            ["action"] = "upsert",
            ["payload"] = new JsonArray([.. rows.Select(r => (JsonNode?)new JsonObject
            {
                ["id"] = new JsonObject { ["resolver"] = "product.number", ["value"] = r.Number },
                ["stock"] = r.Stock,
            })]),
        },
    ];

    [Fact]
    public async Task Our_own_sync_writes_come_back_as_signed_product_written_events()
    {
        var (shop, receiver) = Shop();
        await using var _ = shop;
        shop.Simulator.Webhooks.Register("stock", "product.written", _receiverUrl, Secret);

        await shop.CallAsync("api/_action/sync", StockRows(("A", 4)));
        await shop.Simulator.Webhooks.DeliverPendingAsync();

        var (body, headers) = Assert.Single(receiver.Received);
        var verifier = new ShopwareWebhookSignatureVerifier(new ShopwareWebhookVerifierOptions { Secret = Secret });
        Assert.Equal(ShopwareWebhookVerificationResult.Valid, verifier.Verify(Encoding.UTF8.GetBytes(body), headers["shopware-shop-signature"]));
        Fixture.AssertShapeCovers(Fixture.Load("webhook-product-written.synthetic.json"), JsonNode.Parse(body));
        var parsed = ShopwareWebhookEvent.Parse(Encoding.UTF8.GetBytes(body));
        var write = Assert.Single(parsed.GetEntityWrites());
        Assert.Equal(shop.Simulator.GetProduct("A").Id, write.Id);
        Assert.Contains("stock", write.UpdatedFields!);
        Assert.Equal("update", write.Operation);
    }

    [Fact]
    public async Task A_webhook_without_an_app_secret_is_delivered_unsigned()
    {
        var (shop, receiver) = Shop();
        await using var _ = shop;
        shop.Simulator.Webhooks.Register("plain", "product.written", _receiverUrl, appSecret: null);

        await shop.CallAsync("api/_action/sync", StockRows(("B", 1)));
        await shop.Simulator.Webhooks.DeliverPendingAsync();

        var (_, headers) = Assert.Single(receiver.Received);
        Assert.False(headers.ContainsKey("shopware-shop-signature"));
        Assert.Equal(shop.Simulator.ShopOptions.ShopwareVersion, headers["sw-version"]);
    }

    [Fact]
    public async Task Order_driven_stock_changes_raise_no_product_written()
    {
        var (shop, receiver) = Shop();
        await using var _ = shop;
        shop.Simulator.Webhooks.Register("stock", "product.written", _receiverUrl, Secret);
        shop.Simulator.Webhooks.Register("placed", "checkout.order.placed", _receiverUrl, Secret);

        shop.Simulator.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("a@example.com", "A", "B"), [new ShopOrderLine("A", 1)]));
        await shop.Simulator.Webhooks.DeliverPendingAsync();

        // The only delivery is the order itself: the stock decrement it caused is no product write.
        var (body, _) = Assert.Single(receiver.Received);
        var order = ShopwareWebhookEvent.Parse(Encoding.UTF8.GetBytes(body)).GetOrder();
        Assert.Equal("A", order!.LineItems!.Single().PayloadProductNumber);
        Assert.Equal(9, shop.Simulator.GetProduct("A").Stock);
    }

    [Fact]
    public async Task State_changes_raise_state_enter_events_carrying_the_order()
    {
        var (shop, receiver) = Shop();
        await using var _ = shop;
        shop.Simulator.Webhooks.Register("refunds", "state_enter.order_transaction.state.refunded", _receiverUrl, Secret);
        var order = shop.Simulator.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("a@example.com", "A", "B"), [new ShopOrderLine("A", 1)]));

        shop.Simulator.PayOrder(order.Id);
        await shop.CallAsync($"api/_action/order_transaction/{order.TransactionId}/state/refund", new JsonObject());
        await shop.Simulator.Webhooks.DeliverPendingAsync();

        var (body, _) = Assert.Single(receiver.Received);
        Fixture.AssertShapeCovers(Fixture.Load("webhook-state-enter-transaction-refunded.synthetic.json"), JsonNode.Parse(body));
        var parsed = ShopwareWebhookEvent.Parse(Encoding.UTF8.GetBytes(body));
        Assert.Equal("state_enter.order_transaction.state.refunded", parsed.EventName);
        Assert.Equal("refunded", parsed.GetOrder()!.Transactions!.Single().StateMachineState!.TechnicalName);
    }

    [Fact]
    public async Task Deliveries_are_unordered_but_deterministic_for_a_seed()
    {
        async Task<List<string>> DeliveredOrder(bool shuffle)
        {
            var (shop, receiver) = Shop(seed: 3);
            await using var _ = shop;
            shop.Simulator.Webhooks.Register("stock", "product.written", _receiverUrl, Secret);
            shop.Simulator.Webhooks.Faults = new ShopwareWebhookFaults { Shuffle = shuffle };
            for (var stock = 1; stock <= 8; stock++)
            {
                await shop.CallAsync("api/_action/sync", StockRows(("A", stock)));
            }
            await shop.Simulator.Webhooks.DeliverPendingAsync();
            return [.. receiver.Received.Select(r => JsonNode.Parse(r.Body)!["source"]!["eventId"]!.GetValue<string>())];
        }

        var shuffled = await DeliveredOrder(shuffle: true);
        var again = await DeliveredOrder(shuffle: true);
        var written = await DeliveredOrder(shuffle: false);

        Assert.Equal(shuffled, again);
        Assert.Equal(written.Order(StringComparer.Ordinal), shuffled.Order(StringComparer.Ordinal));
        Assert.NotEqual(written, shuffled);
    }

    [Fact]
    public async Task Dropped_and_duplicated_deliveries_keep_their_event_id()
    {
        var (shop, receiver) = Shop();
        await using var _ = shop;
        shop.Simulator.Webhooks.Register("stock", "product.written", _receiverUrl, Secret);
        shop.Simulator.Webhooks.Faults = new ShopwareWebhookFaults { DropProbability = 0.3, DuplicateProbability = 0.3 };
        for (var stock = 1; stock <= 20; stock++)
        {
            await shop.CallAsync("api/_action/sync", StockRows(("A", stock)));
        }

        await shop.Simulator.Webhooks.DeliverPendingAsync();

        var ids = receiver.Received.Select(r => JsonNode.Parse(r.Body)!["source"]!["eventId"]!.GetValue<string>()).ToList();
        Assert.True(ids.Distinct().Count() < 20, "some deliveries were dropped");
        Assert.True(ids.Count > ids.Distinct().Count(), "some deliveries were duplicated");
        Assert.Equal(0, shop.Simulator.Webhooks.PendingCount);
    }

    [Fact]
    public async Task Failed_deliveries_are_retried_then_counted()
    {
        var receiver = new RecordingReceiver { Status = HttpStatusCode.InternalServerError };
        await using var shop = new ShopwareTestShop(new ShopwareSimulatorOptions { WebhookHandler = receiver, WebhookRetries = 2 });
        shop.Simulator.AddProduct(new ShopProductDraft("A", 1));
        var webhook = shop.Simulator.Webhooks.Register("stock", "product.written", _receiverUrl, Secret);
        await shop.CallAsync("api/_action/sync", StockRows(("A", 2)));

        await shop.Simulator.Webhooks.DeliverPendingAsync();
        await shop.Simulator.Webhooks.DeliverPendingAsync();
        Assert.Equal(0, webhook.ErrorCount);
        receiver.Status = HttpStatusCode.OK;
        await shop.Simulator.Webhooks.DeliverPendingAsync();

        Assert.Equal(3, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => JsonNode.Parse(r.Body)!["source"]!["eventId"]!.GetValue<string>()).Distinct());
        Assert.Equal(0, webhook.ErrorCount);
        Assert.Equal(0, shop.Simulator.Webhooks.PendingCount);
    }

    [Fact]
    public async Task A_webhook_is_deactivated_after_ten_failures()
    {
        var (shop, receiver) = Shop();
        await using var _ = shop;
        receiver.Status = HttpStatusCode.ServiceUnavailable;
        var webhook = shop.Simulator.Webhooks.Register("stock", "product.written", _receiverUrl, Secret);
        for (var stock = 1; stock <= 12; stock++)
        {
            await shop.CallAsync("api/_action/sync", StockRows(("A", stock)));
        }

        await shop.Simulator.Webhooks.DeliverPendingAsync();
        await shop.CallAsync("api/_action/sync", StockRows(("A", 99)));

        Assert.False(webhook.Active);
        Assert.Equal(10, webhook.ErrorCount);
        Assert.Equal(10, receiver.Received.Count);
        Assert.Equal(0, shop.Simulator.Webhooks.PendingCount);
    }

    [Fact]
    public async Task The_background_loop_delivers_without_a_pump_call()
    {
        var (shop, receiver) = Shop();
        await using var _ = shop;
        shop.Simulator.Webhooks.Register("stock", "product.written", _receiverUrl, Secret);
        using var stop = new CancellationTokenSource();
        var loop = shop.Simulator.Webhooks.RunAsync(TimeSpan.FromMilliseconds(10), stop.Token);

        await shop.CallAsync("api/_action/sync", StockRows(("A", 4)));
        for (var wait = 0; wait < 500 && receiver.Received.Count == 0; wait++)
        {
            await Task.Delay(10);
        }
        await stop.CancelAsync();

        await loop;
        Assert.Single(receiver.Received);
        Assert.True(loop.IsCompletedSuccessfully);
    }
}
