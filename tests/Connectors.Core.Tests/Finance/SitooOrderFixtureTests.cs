using System.Globalization;
using System.Text.Json;
using Connectors.Core.Finance;
using NodaTime;

namespace Connectors.Core.Tests.Finance;

/// <summary>
/// Books Sitoo's own order examples (the <c>getOrders</c> and <c>getOrder</c> responses of the Sitoo REST API v2
/// description by github.com/spysystem/sitoo-client, unlicense), trimmed to the fields the journal reads, values
/// unchanged, to show that a journal order is filled from a Sitoo order field by field.
/// </summary>
public class SitooOrderFixtureTests
{
    private const string Orders = """
[
  {"orderid": 11513, "registerid": "{3CCB9848-155A-49E1-7CA8-5F7F78FC3067}", "warehouseid": 1, "orderdate": 1463041119,
   "currencycode": "USD", "moneyfinal_vat": "0.85", "moneytotal_gross_roundoff": "0.00", "moneytotal_gross_all": "15.00",
   "orderitems": [{"quantity": 1, "vatvalue": 6, "moneyitemtotal_net": "14.15", "moneyitemtotal_vat": "0.85", "moneydiscount": "0.00", "additionaldata": {}}]},
  {"orderid": 11512, "registerid": "{3CCB9848-155A-49E1-7CA8-5F7F78FC3067}", "warehouseid": 1, "orderdate": 1463041119,
   "currencycode": "USD", "moneyfinal_vat": "-598.00", "moneytotal_gross_roundoff": "0.00", "moneytotal_gross_all": "-2990.00",
   "additionaldata": {"refundreasoncode-reasoncode": "RC123", "refundreasoncode-comment": "Guarantee"},
   "orderitems": [{"quantity": -1, "vatvalue": 25, "moneyitemtotal_net": "-2392.00", "moneyitemtotal_vat": "-598.00", "moneydiscount": "0.00", "additionaldata": {}}]},
  {"orderid": 11514, "creditorderid": null, "registerid": null, "warehouseid": null, "orderdate": 1550669772, "currencycode": "USD",
   "moneyfinal_vat": "71.00", "moneytotal_gross_delivery": "0.00", "moneydelivery_vat": "0.00", "moneytotal_gross_checkout": "0.00",
   "moneycheckout_vat": "0.00", "moneytotal_gross_roundoff": "0.00", "moneytotal_gross_all": "431.00",
   "orderitems": [
     {"quantity": 1, "vatvalue": 25, "moneyitemtotal_net": "100.00", "moneyitemtotal_vat": "25.00", "moneydiscount": "0.00", "additionaldata": {}},
     {"quantity": 2, "vatvalue": 25, "moneyitemtotal_net": "160.00", "moneyitemtotal_vat": "40.00", "moneydiscount": "20.00",
      "additionaldata": {"orderitem-moneyrowdiscount": "50.00"}},
     {"quantity": 1, "vatvalue": 6, "moneyitemtotal_net": "100.00", "moneyitemtotal_vat": "6.00", "moneydiscount": "0.00", "additionaldata": {}}]}
]
""";

    private static readonly FinanceJournalBuilder _builder =
        new(FinanceJournalOptions.FromTzdb(new Dictionary<string, string> { ["1"] = "America/New_York" }, "Europe/Stockholm"));

    [Fact]
    public void Sitoo_orders_map_to_journal_orders_that_add_up_to_their_grand_totals()
    {
        using var document = JsonDocument.Parse(Orders);
        var sitoo = document.RootElement.EnumerateArray().ToList();
        var orders = sitoo.Select(ToJournalOrder).ToList();

        Assert.Equal(sitoo.Select(order => Money(order, "moneytotal_gross_all")), orders.Select(order => order.TotalGross));
        Assert.Equal([false, true, false], orders.Select(order => order.IsReturn));
        Assert.Equal(Money(sitoo[2].GetProperty("orderitems")[1].GetProperty("additionaldata"), "orderitem-moneyrowdiscount"), orders[2].Lines[1].DiscountAmount);

        var journal = _builder.Build(orders);

        var total = Assert.Single(journal.CurrencyTotals).Amounts;
        Assert.Equal(sitoo.Sum(order => Money(order, "moneytotal_gross_all")), total.Total);
        Assert.Equal(sitoo.Sum(order => Money(order, "moneyfinal_vat")), total.Vat);
        Assert.Equal((2, 1), (total.SaleOrders, total.ReturnOrders));

        // POS orders of warehouse 1 in New York; the web order (no register, no store) in the online channel's zone.
        Assert.Equal(
            [
                (JournalStore.Known("1"), new LocalDate(2016, 5, 12), JournalChannel.Pos),
                (JournalStore.Online, new LocalDate(2019, 2, 20), JournalChannel.Online),
            ],
            journal.DayTotals.Select(day => (day.Store, day.Date, journal.Rows.First(row => row.Key.Store == day.Store).Key.Channel)));
        var returns = journal.Rows.Single(row => row.Key.Store == JournalStore.Known("1") && row.Key.VatRate == 25m).Amounts;
        Assert.Equal((-2990.00m, 0, 1), (returns.ReturnsGross, returns.SaleOrders, returns.ReturnOrders));
    }

    /// <summary>The mapping the sync engine does: one journal field from one Sitoo field, nothing inferred.</summary>
    private static JournalOrder ToJournalOrder(JsonElement order)
    {
        var lines = order.GetProperty("orderitems").EnumerateArray()
            .Select(item => JournalLine.FromNet(
                item.GetProperty("quantity").GetDecimal(),
                Money(item, "moneyitemtotal_net"),
                Money(item, "moneyitemtotal_vat"),
                item.GetProperty("vatvalue").GetDecimal(),
                Money(item, "moneydiscount")))
            .ToList();
        var registerId = order.TryGetProperty("registerid", out var register) ? register.GetString() : null;
        var warehouseId = order.GetProperty("warehouseid");
        var creditOrderId = order.TryGetProperty("creditorderid", out var credit) && credit.ValueKind == JsonValueKind.Number
            ? credit.GetInt64().ToString(CultureInfo.InvariantCulture)
            : null;
        return new JournalOrder(
            order.GetProperty("orderid").GetInt64().ToString(CultureInfo.InvariantCulture),
            warehouseId.ValueKind == JsonValueKind.Number ? warehouseId.GetInt64().ToString(CultureInfo.InvariantCulture) : null,
            registerId is null ? JournalChannel.Online : JournalChannel.Pos,
            Instant.FromUnixTimeSeconds(order.GetProperty("orderdate").GetInt64()),
            order.GetProperty("currencycode").GetString()!,
            lines)
        {
            OriginalOrderId = creditOrderId,
            ShippingCharges = Charge(order, "moneytotal_gross_delivery", "moneydelivery_vat") is { } shipping ? [shipping] : [],
            PaymentFee = Charge(order, "moneytotal_gross_checkout", "moneycheckout_vat"),
            RoundOff = Money(order, "moneytotal_gross_roundoff"),
        };
    }

    private static JournalCharge? Charge(JsonElement order, string gross, string vat) =>
        order.TryGetProperty(gross, out _) && Money(order, gross) != 0m ? new JournalCharge(Money(order, gross), Money(order, vat)) : null;

    private static decimal Money(JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
