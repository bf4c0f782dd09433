using System.Text;
using Connectors.Sitoo.Events;
using Connectors.Sitoo.Tests.Support;
using NodaTime;

namespace Connectors.Sitoo.Tests;

/// <summary>Events SPI deliveries and the receiver's Basic-auth check.</summary>
public sealed class EventsTests
{
    [Fact]
    public void Documented_order_update_delivery_parses()
    {
        var events = SitooEventParser.Parse(Fixture.Docs("spi-events.order-update.request.json"));

        var single = Assert.Single(events);
        Assert.Equal("5e9fd002119a4c5fb4de5ccb9d0b90ea", single.EventId);
        Assert.Equal(SitooEventType.Order, single.EventType);
        Assert.Equal(Instant.FromUnixTimeSeconds(1611138542), single.EventDate);
        Assert.Equal(1500, single.AccountId);
        Assert.True(single.TryGetOrderData(out var data));
        Assert.Equal(12345, data.OrderId);
        Assert.Equal("update", data.OrderEventType);
        Assert.Equal("closed", data.OrderStateChanged);
        Assert.False(single.TryGetWarehouseTransactionData(out _));
    }

    [Fact]
    public void A_batch_keeps_order_and_tolerates_unknown_event_types_and_fields()
    {
        const string Body = """
            [
              {"event_id":"a","event_type":"warehouse-transaction","event_date":1611138540,"account_id":1500,
               "data":{"eshop_id":1,"warehouse_id":3,"warehouse_transaction_id":987,"something_new":[1,2]}},
              {"event_id":"b","event_type":"store-z-report","event_date":1611138541,"account_id":1500,"data":{"x":1},"extra":"field"},
              {"event_id":"c","event_type":"booking","event_date":1611138542,"account_id":1500,"data":{"eshop_id":1,"order_id":55,"order_event_type":"add"}},
              {"event_id":"d","event_type":"order-delivery","event_date":1611138543,"account_id":1500,
               "data":{"eshop_id":1,"order_id":55,"order_delivery_id":8,"warehouse_id":3}}
            ]
            """;

        var events = SitooEventParser.Parse(Body);

        Assert.Equal(["a", "b", "c", "d"], events.Select(e => e.EventId));
        Assert.True(events[0].TryGetWarehouseTransactionData(out var transaction));
        Assert.Equal(987, transaction.WarehouseTransactionId);
        Assert.Equal("store-z-report", events[1].EventType.Value);
        Assert.False(events[1].TryGetOrderData(out _));
        Assert.True(events[2].TryGetOrderData(out var booking));
        Assert.Equal(55, booking.OrderId);
        Assert.True(events[3].TryGetOrderDeliveryData(out var delivery));
        Assert.Equal(8, delivery.OrderDeliveryId);
    }

    [Fact]
    public void A_single_event_object_is_accepted()
    {
        var events = SitooEventParser.Parse("""{"event_id":"x","event_type":"z-report","event_date":1,"account_id":1,"data":{"register_id":"{A}"}}""");

        Assert.True(Assert.Single(events).TryGetZReportData(out var report));
        Assert.Equal("{A}", report.RegisterId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html></html>")]
    [InlineData("[{\"event_id\":\"a\",\"event_type\":5}]")]
    public void Bodies_that_are_not_deliveries_are_a_format_error(string body) =>
        Assert.Throws<FormatException>(() => SitooEventParser.Parse(body));

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    [Fact]
    public void Matching_basic_credentials_are_accepted_in_any_scheme_case()
    {
        var authenticator = new SitooEventsBasicAuthenticator("sitoo-events", "p@ss:word");

        Assert.True(authenticator.IsAuthorized(Basic("sitoo-events:p@ss:word")));
        Assert.True(authenticator.IsAuthorized("basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sitoo-events:p@ss:word"))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic not-base64!")]
    public void Missing_or_malformed_headers_are_refused(string? header) =>
        Assert.False(new SitooEventsBasicAuthenticator("u", "p").IsAuthorized(header));

    [Theory]
    [InlineData("u:P")]
    [InlineData("U:p")]
    [InlineData("u:p ")]
    [InlineData("u:")]
    [InlineData("u:pp")]
    public void Near_misses_are_refused(string credentials) =>
        Assert.False(new SitooEventsBasicAuthenticator("u", "p").IsAuthorized(Basic(credentials)));

    [Fact]
    public void The_authenticator_does_not_reveal_its_credentials()
    {
        var text = new SitooEventsBasicAuthenticator("user-name", "pass-word").ToString();

        Assert.DoesNotContain("user-name", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pass-word", text, StringComparison.Ordinal);
    }
}
