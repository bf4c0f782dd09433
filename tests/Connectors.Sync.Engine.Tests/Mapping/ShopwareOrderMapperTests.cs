using Connectors.Core.Orders;
using Connectors.Sync.Mapping;
using NodaTime;
using Client = Connectors.Shopware.Models;

namespace Connectors.Sync.Engine.Tests.Mapping;

public sealed class ShopwareOrderMapperTests
{
    private static readonly ShopwareOrderContext Euro = new("EUR");

    private static Client.ShopwareOrder RecordedOrder() =>
        MappingFixtures.Shopware<Client.ShopwareOrder>("app-payment-pay-with-order.json", "order");

    private static Client.ShopwareOrderLineItem RecordedPromotion() =>
        MappingFixtures.Shopware<Client.ShopwareOrderLineItem>("order-line-item-promotion.synthetic.json");

    [Fact]
    public void The_recorded_order_keeps_number_date_totals_and_tax_status()
    {
        var snapshot = ShopwareOrderMapper.ToSnapshot(RecordedOrder(), Euro);

        Assert.Equal("8f69d4874c53486a95383b2126161738", snapshot.Id);
        Assert.Equal("10077", snapshot.OrderNumber);
        Assert.Equal(Instant.FromUtc(2023, 5, 4, 13, 36, 26) + Duration.FromMilliseconds(557), snapshot.OrderDateTime);
        Assert.Equal("EUR", snapshot.CurrencyIsoCode);
        Assert.Equal(ShopwareTaxStatus.Gross, snapshot.TaxStatus);
        Assert.Equal(395.01m, snapshot.AmountTotal);
        Assert.Equal(0m, snapshot.ShippingCosts.TotalPrice);
        Assert.Equal("9b2fe3ca29174971a645cafa4715c223", snapshot.SalesChannelId);
    }

    [Fact]
    public void The_recorded_product_line_carries_its_product_number_and_taxes()
    {
        var line = Assert.Single(ShopwareOrderMapper.ToSnapshot(RecordedOrder(), Euro).LineItems);

        Assert.Equal(ShopwareLineTypes.Product, line.Type);
        Assert.Equal("f3b92a7a618544308094cb4713b3ed84", line.ProductNumber);
        Assert.Equal("9c4734591e8d40308e0b9480523ba10f", line.Identifier);
        Assert.Equal(1m, line.Quantity);
        Assert.Equal(395.01m, line.Price.TotalPrice);
        Assert.Equal([new ShopwareTaxSnapshot(197.505m, 50m, 395.01m)], line.Price.CalculatedTaxes);
        Assert.Null(line.Promotion);
    }

    [Fact]
    public void The_recorded_customer_is_a_registered_account()
    {
        var customer = ShopwareOrderMapper.ToSnapshot(RecordedOrder(), Euro).Customer;

        Assert.Equal(new ShopwareCustomerSnapshot("test@example.com", "Max", "Mustermann"), customer with { CustomerId = null, CustomerNumber = null });
        Assert.Equal("5e5d6cd8917c45839b2f6aa7b4bf1425", customer.CustomerId);
        Assert.Equal("1337", customer.CustomerNumber);
        Assert.False(customer.IsGuest);
    }

    [Fact]
    public void A_promotion_line_carries_its_payload_and_composition()
    {
        var order = RecordedOrder() with { LineItems = [.. RecordedOrder().LineItems!, RecordedPromotion()] };

        var snapshot = ShopwareOrderMapper.ToSnapshot(order, Euro);

        var promotion = snapshot.LineItems.Single(line => line.Type == ShopwareLineTypes.Promotion);
        Assert.Equal(-39.5m, promotion.Price.TotalPrice);
        var payload = Assert.IsType<ShopwarePromotionPayload>(promotion.Promotion);
        Assert.Equal("percentage", payload.DiscountType);
        Assert.Equal("cart", payload.DiscountScope);
        Assert.Equal("SUMMER10", payload.Code);
        Assert.Equal("a1b2c3d4e5f60718293a4b5c6d7e8f90", payload.PromotionId);
        var entry = Assert.Single(payload.Composition);
        Assert.Equal(new ShopwareDiscountComposition("9c4734591e8d40308e0b9480523ba10f", 1m, 39.5m), entry);
        Assert.True(snapshot.LineItems.Single(line => line.Type == ShopwareLineTypes.Product).IsReferencedBy(entry.Id));
    }

    [Fact]
    public void The_mapped_recorded_order_translates_to_a_draft_that_adds_up_to_its_total()
    {
        var order = RecordedOrder() with { LineItems = [.. RecordedOrder().LineItems!, RecordedPromotion()] };
        var snapshot = ShopwareOrderMapper.ToSnapshot(order, Euro) with { AmountTotal = 395.01m - 39.5m, RawTotal = 395.01m - 39.5m };

        var result = new OrderTranslator().Translate(snapshot, "{USER}");

        var draft = Assert.IsType<OrderTranslationResult.Translated>(result).Draft;
        Assert.Equal(snapshot.AmountTotal, draft.TotalGross);
        var newOrder = SitooOrderWriteMapper.ToNewOrder(draft, new SitooOrderWriteContext());
        Assert.Equal("10077", newOrder.ExternalId);
        Assert.Equal(snapshot.AmountTotal, newOrder.OrderItems!.Sum(item => item.MoneyRowPrice!.Value - (item.MoneyRowDiscount ?? 0m)));
    }

    [Fact]
    public void The_billing_address_and_the_primary_deliverys_address_are_read_with_the_phone()
    {
        var order = RecordedOrder() with
        {
            BillingAddress = new Client.ShopwareOrderAddress
            {
                Street = "Bahnhofstraße 27", Zipcode = "10332", City = "Berlin", PhoneNumber = "+49301234", Country = new Client.ShopwareCountry { Iso = "DE" },
            },
        };

        var snapshot = ShopwareOrderMapper.ToSnapshot(order, Euro);

        Assert.Equal(new ShopwareOrderAddress("Bahnhofstraße 27", "10332", "Berlin", "DE") { PhoneNumber = "+49301234" }, snapshot.BillingAddress);
        Assert.Equal("+49301234", snapshot.ToCustomerRecord().Phone);
    }

    [Fact]
    public void An_address_that_was_not_loaded_is_no_address()
    {
        var snapshot = ShopwareOrderMapper.ToSnapshot(RecordedOrder() with { BillingAddress = null }, Euro);

        Assert.Null(snapshot.BillingAddress);
        Assert.Null(snapshot.ToCustomerRecord().Phone);
    }

    [Fact]
    public void A_customer_whose_guest_flag_was_not_loaded_counts_as_a_guest()
    {
        var order = RecordedOrder();
        order = order with { OrderCustomer = order.OrderCustomer! with { Customer = null } };

        Assert.True(ShopwareOrderMapper.ToSnapshot(order, Euro).Customer.IsGuest);
    }

    [Theory]
    [InlineData("orderNumber")]
    [InlineData("orderDateTime")]
    [InlineData("lineItems")]
    [InlineData("orderCustomer")]
    [InlineData("orderCustomer.email")]
    [InlineData("taxStatus")]
    [InlineData("shippingCosts")]
    [InlineData("lineItems[0].type")]
    public void An_order_missing_what_the_translation_needs_is_refused_naming_the_field(string field)
    {
        var order = RecordedOrder();
        var line = order.LineItems![0];
        var broken = field switch
        {
            "orderNumber" => order with { OrderNumber = null },
            "orderDateTime" => order with { OrderDateTime = null },
            "lineItems" => order with { LineItems = null },
            "orderCustomer" => order with { OrderCustomer = null },
            "orderCustomer.email" => order with { OrderCustomer = order.OrderCustomer! with { Email = "" } },
            "taxStatus" => order with { TaxStatus = "brutto", Price = null },
            "shippingCosts" => order with { ShippingCosts = null, ShippingTotal = 4.95m },
            _ => order with { LineItems = [line with { Type = null }] },
        };

        var error = Assert.Throws<MappingException>(() => ShopwareOrderMapper.ToSnapshot(broken, Euro));

        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_currency_is_refused()
    {
        var error = Assert.Throws<MappingException>(() => ShopwareOrderMapper.ToSnapshot(RecordedOrder(), new ShopwareOrderContext(" ")));

        Assert.Equal("currency.isoCode", error.Field);
        Assert.Equal("Shopware order 10077", error.Entity);
    }

    [Fact]
    public void A_malformed_composition_is_refused()
    {
        var promotion = MappingFixtures.Shopware<Client.ShopwareOrderLineItem>("order-line-item-promotion.synthetic.json");
        var payload = System.Text.Json.JsonDocument.Parse("""{"discountType":"absolute","composition":[{"id":"x","quantity":1,"discount":"ten"}]}""").RootElement;
        var order = RecordedOrder() with { LineItems = [promotion with { Payload = payload }] };

        var error = Assert.Throws<MappingException>(() => ShopwareOrderMapper.ToSnapshot(order, Euro));

        Assert.Equal("lineItems[0].payload.composition[0].discount", error.Field);
        Assert.Equal("\"ten\"", error.Value);
    }
}
