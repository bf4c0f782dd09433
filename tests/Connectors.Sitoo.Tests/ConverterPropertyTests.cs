using System.Text.Json;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Connectors.Sitoo.Tests;

/// <summary>Money, quantities and dates survive the trip through Sitoo's wire formats.</summary>
public sealed class ConverterPropertyTests
{
    private static readonly SitooJsonContext Context = SitooJsonContext.Default;

    /// <summary>Any decimal with at most <paramref name="scale"/> decimals, from a wide range of magnitudes.</summary>
    private static Arbitrary<decimal> Decimals(int scale) =>
        Gen.Choose(0, 3)
            .SelectMany(width => Gen.Choose(int.MinValue, int.MaxValue).Select(units => (width, units)))
            .SelectMany(pair => Gen.Choose(0, scale).Select(places => new decimal(pair.units) * (pair.width == 0 ? 1 : 1000) / Pow10(places)))
            .ToArbitrary();

    private static decimal Pow10(int places) => places switch { 0 => 1m, 1 => 10m, 2 => 100m, _ => 1000m };

    [Property(MaxTest = 300)]
    public Property Quantity_with_up_to_three_decimals_round_trips_as_a_three_decimal_string() =>
        Prop.ForAll(Decimals(3), quantity =>
        {
            var item = new SitooNewWarehouseTransactionItem { Sku = "A", DecimalQuantity = quantity };
            var json = JsonSerializer.Serialize(item, Context.SitooNewWarehouseTransactionItem);
            var text = JsonDocument.Parse(json).RootElement.GetProperty("decimalquantity").GetString()!;
            var back = JsonSerializer.Deserialize(json, Context.SitooNewWarehouseTransactionItem)!;
            return back.DecimalQuantity == quantity && text.Split('.')[1].Length == 3;
        });

    [Property(MaxTest = 300)]
    public Property Money_with_up_to_two_decimals_round_trips_as_a_two_decimal_string() =>
        Prop.ForAll(Decimals(2), amount =>
        {
            var payment = new SitooNewOrderPayment { Name = "Card", MoneyAmount = amount };
            var json = JsonSerializer.Serialize(payment, Context.SitooNewOrderPayment);
            var text = JsonDocument.Parse(json).RootElement.GetProperty("moneyamount").GetString()!;
            var back = JsonSerializer.Deserialize(json, Context.SitooNewOrderPayment)!;
            return back.MoneyAmount == amount && text.Split('.')[1].Length == 2;
        });

    [Property(MaxTest = 300)]
    public Property Any_instant_to_the_second_round_trips_as_unix_seconds(long seed)
    {
        var seconds = seed % 253_402_300_799L; // within year 1..9999
        var instant = Instant.FromUnixTimeSeconds(seconds);
        var order = new SitooNewOrder { OrderType = SitooOrderType.Order, OrderDate = instant };
        var json = JsonSerializer.Serialize(order, Context.SitooNewOrder);
        var back = JsonSerializer.Deserialize(json, Context.SitooNewOrder)!;
        return (back.OrderDate == instant && JsonDocument.Parse(json).RootElement.GetProperty("orderdate").GetInt64() == seconds).ToProperty();
    }

    [Theory]
    [InlineData(123.5, "123.50")]
    [InlineData(-2990, "-2990.00")]
    [InlineData(0, "0.00")]
    [InlineData(0.05, "0.05")]
    public void Money_is_written_in_invariant_culture_with_two_decimals(double amount, string expected)
    {
        var json = JsonSerializer.Serialize(new SitooNewOrderPayment { Name = "x", MoneyAmount = (decimal)amount }, Context.SitooNewOrderPayment);

        Assert.Contains($"\"moneyamount\":\"{expected}\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13, "13.000")]
    [InlineData(-1, "-1.000")]
    [InlineData(0.125, "0.125")]
    public void Quantity_is_written_with_three_decimals(double quantity, string expected)
    {
        var json = JsonSerializer.Serialize(new SitooNewWarehouseTransactionItem { Sku = "x", DecimalQuantity = (decimal)quantity }, Context.SitooNewWarehouseTransactionItem);

        Assert.Contains($"\"decimalquantity\":\"{expected}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void More_decimals_than_the_wire_allows_are_refused_rather_than_rounded()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new SitooNewOrderPayment { Name = "x", MoneyAmount = 1.005m }, Context.SitooNewOrderPayment));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new SitooNewWarehouseTransactionItem { Sku = "x", DecimalQuantity = 0.0001m }, Context.SitooNewWarehouseTransactionItem));
    }

    [Theory]
    [InlineData("""{"sku":"A","decimaltotal":"5.000"}""", 5.0)]
    [InlineData("""{"sku":"A","decimaltotal":5}""", 5.0)]
    [InlineData("""{"sku":"A","decimaltotal":"-0.500"}""", -0.5)]
    public void Quantities_are_read_from_strings_and_from_numbers(string json, double expected)
    {
        var item = JsonSerializer.Deserialize(json, Context.SitooWarehouseItem)!;

        Assert.Equal((decimal)expected, item.DecimalTotal);
    }

    [Theory]
    [InlineData("""{"sku":"A","decimaltotal":"5,000"}""")]
    [InlineData("""{"sku":"A","decimaltotal":"five"}""")]
    [InlineData("""{"sku":"A","decimaltotal":true}""")]
    public void Malformed_quantities_are_rejected(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.SitooWarehouseItem));
}
