using System.Text.Json;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Serialization;
using Connectors.Sitoo.Tests.Support;
using NodaTime;

namespace Connectors.Sitoo.Tests;

/// <summary>Sitoo's documented request examples survive the client's write models unchanged, and its response
/// examples parse into the read models with the values they hold.</summary>
public sealed class SerializationFixtureTests
{
    private static readonly SitooJsonContext Context = SitooJsonContext.Default;

    [Fact]
    public void AddOrder_example_round_trips_with_gross_row_money_as_two_decimal_strings()
    {
        var order = JsonAssert.RoundTrip(Fixture.Example("addOrder.request.json"), Context.SitooNewOrder);

        Assert.Equal(SitooOrderType.Order, order.OrderType);
        Assert.Equal(3, order.OrderItems!.Count);
        Assert.Equal(250.00m, order.OrderItems[1].MoneyRowPrice);
        Assert.Equal(50.00m, order.OrderItems[1].MoneyRowDiscount);
        Assert.Equal(6m, order.OrderItems[2].VatValue);
    }

    [Fact]
    public void Bopis_order_from_the_omni_guide_round_trips_with_additional_data()
    {
        var order = JsonAssert.RoundTrip(Fixture.Docs("omni-bopis.addOrder.request.json"), Context.SitooNewOrder);

        Assert.Equal(SitooPaymentState.Successful, order.PaymentState);
        Assert.Equal(43, order.WarehouseId);
        Assert.Equal("true", order.AdditionalData!["weborder-bopis"]);
        Assert.Equal("10", order.OrderItems![0].AdditionalData!["web-itemid"]);
    }

    [Theory]
    [InlineData("batchAddWarehouseTransactions.request.json")]
    public void Warehouse_transaction_example_round_trips_with_signed_three_decimal_quantities(string name)
    {
        var transactions = JsonAssert.RoundTrip(Fixture.Example(name), Context.SitooNewWarehouseTransactionArray);

        Assert.Equal(SitooTransactionType.OutboundAdjustment, transactions[0].TransactionType);
        Assert.Equal(-13m, transactions[0].Items[0].DecimalQuantity);
        Assert.Equal(3.45m, transactions[1].Items[0].MoneyPriceIn);
    }

    [Fact]
    public void Write_examples_round_trip()
    {
        JsonAssert.RoundTrip(Fixture.Example("addOrderDelivery.request.json"), Context.SitooNewOrderDelivery);
        JsonAssert.RoundTrip(Fixture.Example("addWarehouseBatch.request.json"), Context.SitooNewWarehouseBatch);
        JsonAssert.RoundTrip(Fixture.Example("batchSetWarehouseBatchItems.request.json"), Context.SitooWarehouseBatchItemArray);
        JsonAssert.RoundTrip(Fixture.Example("batchSetWarehouseItems.request.json"), Context.SitooWarehouseItemUpdateArray);
        JsonAssert.RoundTrip(Fixture.Example("batchAddProducts.request.json"), Context.SitooProductWriteArray);
        JsonAssert.RoundTrip(Fixture.Example("batchUpdateProducts.request.json"), Context.SitooProductWriteArray);
        JsonAssert.RoundTrip(Fixture.Example("batchAddUsers.request.json"), Context.SitooUserWriteArray);
        JsonAssert.RoundTrip(Fixture.Example("batchUpdateUsers.request.json"), Context.SitooUserWriteArray);
    }

    [Fact]
    public void Account_order_list_parses_sales_and_returns()
    {
        var page = JsonSerializer.Deserialize(Fixture.Example("getAllOrders.response.200.json"), Context.SitooListResponseSitooOrder)!;

        Assert.Equal(1514, page.TotalCount);
        var sale = page.Items![0];
        Assert.Equal(11513, sale.OrderId);
        Assert.Equal(15.00m, sale.MoneyTotalGrossAll);
        Assert.Equal(Instant.FromUnixTimeSeconds(1463041119), sale.OrderDate);
        Assert.Equal(SitooOrderState.Closed, sale.OrderState);
        Assert.Equal("{3CCB9848-155A-49E1-7CA8-5F7F78FC3067}", sale.RegisterId);
        Assert.Null(sale.DateReserved);
        Assert.Equal(SitooOrderItemType.Product, sale.OrderItems![0].OrderItemType);
        Assert.Equal("verifonelpp", sale.Payments![0].RefType);

        var refund = page.Items[1];
        Assert.Equal(-1, refund.OrderItems![0].Quantity);
        Assert.Equal(-1.000m, refund.OrderItems[0].DecimalQuantityTotal);
        Assert.Equal(-2990.00m, refund.MoneyTotalGrossAll);
        Assert.Equal("RC123", refund.AdditionalData!["refundreasoncode-reasoncode"]);
    }

    [Fact]
    public void Single_order_parses()
    {
        var order = JsonSerializer.Deserialize(Fixture.Example("getOrder.response.200.json"), Context.SitooOrder)!;

        Assert.True(order.OrderId > 0);
        Assert.NotEmpty(order.OrderItems!);
        Assert.All(order.OrderItems!, item => Assert.NotNull(item.MoneyItemTotalNet));
    }

    [Fact]
    public void Warehouse_transactions_parse_type_delivery_link_and_level_after()
    {
        var page = JsonSerializer.Deserialize(Fixture.Example("getAllWarehouseTransactions.response.200.json"), Context.SitooListResponseSitooWarehouseTransaction)!;

        var stocktaking = page.Items![0];
        Assert.Equal(16, stocktaking.WarehouseTransactionId);
        Assert.Equal(SitooTransactionType.StockTaking, stocktaking.TransactionType);
        Assert.Equal(-1m, stocktaking.Items![0].DecimalQuantity);
        Assert.Equal(9m, stocktaking.Items[0].DecimalTotal);
        Assert.Null(stocktaking.OrderDeliveryId);

        var sale = page.Items[1];
        Assert.Equal(SitooTransactionType.Sales, sale.TransactionType);
        Assert.Equal(13, sale.OrderDeliveryId);
        Assert.Equal(3, sale.Items!.Count);
        Assert.Equal(SitooTransactionType.Refund, page.Items[2].TransactionType);
    }

    [Fact]
    public void Stock_reads_parse_levels_with_and_without_item_ids()
    {
        var full = JsonSerializer.Deserialize(Fixture.Example("getWarehouseItems.response.200.json"), Context.SitooListResponseSitooWarehouseItem)!;
        var item = full.Items![0];
        Assert.Equal(1, item.WarehouseItemId);
        Assert.Equal("10038-3", item.Sku);
        Assert.Equal(3m, item.DecimalThreshold);
        Assert.Equal(19600.00m, item.MoneyTotal);
        Assert.Equal(Instant.FromUnixTimeSeconds(1462874148), item.DateLastModified);

        var bulk = JsonSerializer.Deserialize(Fixture.Docs("getWarehouseItems.stockfields.response.200.json"), Context.SitooListResponseSitooWarehouseItem)!;
        Assert.Equal(14, bulk.Items!.Count);
        Assert.Null(bulk.Items[0].WarehouseItemId);
        Assert.All(bulk.Items, stock => Assert.Equal(stock.DecimalTotal - stock.DecimalReserved, stock.DecimalAvailable));
    }

    [Fact]
    public void Category_ids_are_read_as_numbers_or_text_and_written_as_text_as_the_api_description_types_them()
    {
        var asText = JsonSerializer.Deserialize("""{"productid":1,"sku":"A","categories":["19","49"]}""", Context.SitooProduct)!;
        var write = JsonSerializer.Serialize(new SitooProductWrite { Sku = "A", Categories = [19, 49] }, Context.SitooProductWrite);

        Assert.Equal([19, 49], asText.Categories);
        Assert.Contains("\"categories\":[\"19\",\"49\"]", write, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"productid":1,"categories":["shoes"]}""", Context.SitooProduct));
    }

    [Fact]
    public void Product_parses_and_ignores_fields_the_model_does_not_know()
    {
        var product = JsonSerializer.Deserialize(Fixture.Example("getProduct.response.200.json"), Context.SitooProduct)!;

        Assert.Equal(21, product.ProductId);
        Assert.Equal("Blanket Red Striped", product.Title);
        Assert.Equal(8.00m, product.MoneyPriceIn);
        Assert.Equal(21, product.VariantParentId);
        Assert.Equal(new[] { 19, 49, 59 }, product.Categories);
        Assert.Equal("Striped", product.Variant![1].Value);
        Assert.Null(product.Barcode);
        Assert.True(product.StockAllowBackorder);

        var list = JsonSerializer.Deserialize(Fixture.Example("getProducts.response.200.json"), Context.SitooListResponseSitooProduct)!;
        Assert.Equal(18, list.TotalCount);
        Assert.Equal("Sofa Cosy", list.Items![2].Title);
    }

    [Fact]
    public void Set_up_lists_parse()
    {
        var sites = JsonSerializer.Deserialize(Fixture.Example("getSites.response.200.json"), Context.SitooListResponseSitooSite)!;
        Assert.Equal(1, sites.Items![0].EshopId);
        Assert.Equal("{25D9C5B8-51FC-5751-7FBE-37368C7E4EF0}", sites.Items[0].SiteGuid);

        var stores = JsonSerializer.Deserialize(Fixture.Example("getStores.response.200.json"), Context.SitooListResponseSitooStore)!;
        Assert.Equal("Pop-Up Store", stores.Items![1].Name);

        var warehouses = JsonSerializer.Deserialize(Fixture.Example("getWarehouses.response.200.json"), Context.SitooListResponseSitooWarehouse)!;
        Assert.Equal(SitooWarehouseType.Fifo, warehouses.Items![0].WarehouseType);
        Assert.Null(warehouses.Items[1].StoreId);

        var registers = JsonSerializer.Deserialize(Fixture.Example("getCashRegisters.response.200.json"), Context.SitooListResponseSitooCashRegister)!;
        Assert.Equal("SII0000001500001", registers.Items![0].RegisterKey);

        var reasons = JsonSerializer.Deserialize(Fixture.Example("getReasonCodes.response.200.json"), Context.SitooListResponseSitooReasonCode)!;
        Assert.Equal("Guarantee", reasons.Items![1].Name);

        var users = JsonSerializer.Deserialize(Fixture.Example("getUsers.response.200.json"), Context.SitooListResponseSitooUser)!;
        Assert.Equal("{102DC4AA-2C19-3177-6AB2-435CB3A46499}", users.Items![0].UserId);

        var batches = JsonSerializer.Deserialize(Fixture.Example("getWarehouseBatches.response.200.json"), Context.SitooListResponseSitooWarehouseBatch)!;
        Assert.Equal(SitooWarehouseBatchState.Open, batches.Items![0].WarehouseBatchState);
    }

    [Fact]
    public void Order_deliveries_and_log_items_parse()
    {
        var deliveries = JsonSerializer.Deserialize(Fixture.Example("getOrderDeliveries.response.200.json"), Context.SitooListResponseSitooOrderDelivery)!;
        Assert.Equal(2, deliveries.Items![0].OrderDeliveryItems![0].Quantity);
        Assert.Null(deliveries.Items[0].DateCancelled);

        var log = JsonSerializer.Deserialize(Fixture.Example("getOrderLogItems.response.200.json"), Context.SitooListResponseSitooOrderLogItem)!;
        Assert.Equal(new SitooOrderLogType(999), log.Items![1].OrderLogType);
        Assert.Equal(10m, log.Items[2].FValue);
    }

    [Fact]
    public void Unknown_code_values_are_kept_not_rejected()
    {
        var order = JsonSerializer.Deserialize("""{"orderid":1,"orderstateid":77,"ordertypeid":120}""", Context.SitooOrder)!;

        Assert.Equal(77, order.OrderState!.Value.Value);
        Assert.Equal(120, order.OrderType!.Value.Value);
    }
}
