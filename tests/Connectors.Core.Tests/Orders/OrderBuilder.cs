using Connectors.Core.Orders;
using NodaTime;

namespace Connectors.Core.Tests.Orders;

/// <summary>
/// Builds Shopware order snapshots the way Shopware calculates them: line totals, taxes per line and rate
/// (rounded to cents), promotion lines priced negatively with their taxes, and the order total.
/// </summary>
internal sealed class OrderBuilder(ShopwareTaxStatus status = ShopwareTaxStatus.Gross)
{
    private readonly List<ShopwareLineSnapshot> _lines = [];
    private readonly Dictionary<string, decimal> _rates = [];
    private ShopwarePrice _shipping = ShopwarePrice.Zero;
    private decimal? _total;
    private string _orderNumber = "10001";
    private ShopwareCustomerSnapshot _customer = new(" Anna.Svensson@Example.COM ", "Anna", "Svensson") { CustomerId = "c0ffee00c0ffee00c0ffee00c0ffee00" };

    public ShopwareTaxStatus Status => status;

    public OrderBuilder Product(string id, string? sku, int quantity, decimal unitPrice, decimal rate)
    {
        var total = unitPrice * quantity;
        _rates[id] = rate;
        _lines.Add(new ShopwareLineSnapshot(id, ShopwareLineTypes.Product, $"Product {sku}", quantity, Priced(total, rate))
        {
            Identifier = id,
            ReferencedId = id,
            ProductNumber = sku,
            Position = _lines.Count + 1,
        });
        return this;
    }

    /// <summary>A promotion taking <paramref name="composition"/> off the given lines (in the order's price mode).</summary>
    public OrderBuilder Promotion(string id, string label, params (string LineId, decimal Discount)[] composition) =>
        PromotionLine(id, label, "cart", composition, withComposition: true);

    /// <summary>A promotion of <paramref name="amount"/> without composition, its tax split over the rates in the cart.</summary>
    public OrderBuilder AbsolutePromotion(string id, string label, decimal amount)
    {
        var products = _lines.Where(line => line.Type == ShopwareLineTypes.Product).ToList();
        var value = products.Sum(line => line.Price.TotalPrice);
        var parts = new List<(string, decimal)>();
        var left = amount;
        for (var i = 0; i < products.Count; i++)
        {
            var part = i == products.Count - 1 ? left : Math.Round(amount * products[i].Price.TotalPrice / value, 2, MidpointRounding.AwayFromZero);
            parts.Add((products[i].Id, part));
            left -= part;
        }

        return PromotionLine(id, label, "cart", parts.ToArray(), withComposition: false);
    }

    public OrderBuilder DeliveryPromotion(string id, string label, decimal amount, decimal rate)
    {
        _lines.Add(new ShopwareLineSnapshot(id, ShopwareLineTypes.Promotion, label, 1, Priced(-amount, rate))
        {
            Position = _lines.Count + 1,
            Promotion = new ShopwarePromotionPayload("absolute", ShopwarePromotionPayload.DeliveryScope) { Code = "FREESHIP" },
        });
        return this;
    }

    public OrderBuilder Line(ShopwareLineSnapshot line)
    {
        _lines.Add(line with { Position = _lines.Count + 1 });
        return this;
    }

    public OrderBuilder Shipping(decimal amount, decimal rate)
    {
        _shipping = Priced(amount, rate);
        return this;
    }

    public OrderBuilder Total(decimal total)
    {
        _total = total;
        return this;
    }

    public OrderBuilder Number(string orderNumber)
    {
        _orderNumber = orderNumber;
        return this;
    }

    public OrderBuilder Customer(ShopwareCustomerSnapshot customer)
    {
        _customer = customer;
        return this;
    }

    public ShopwarePrice Priced(decimal total, decimal rate) =>
        new(total, [new ShopwareTaxSnapshot(Tax(total, rate), rate, total)]) { TaxRuleRates = [rate] };

    public ShopwareOrderSnapshot Build()
    {
        var prices = _lines.Where(line => line.ParentId is null).Select(line => line.Price).Append(_shipping).ToList();
        var total = prices.Sum(price => price.TotalPrice);
        if (status == ShopwareTaxStatus.Net)
        {
            total += prices.Sum(price => price.CalculatedTaxes.Sum(tax => tax.Tax));
        }

        return new ShopwareOrderSnapshot(
            "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
            _orderNumber,
            Instant.FromUtc(2026, 5, 4, 13, 36),
            "SEK",
            status,
            _total ?? total,
            _shipping,
            _lines.ToList(),
            _customer)
        {
            BillingAddress = new ShopwareOrderAddress("Storgatan 1", "111 22", "Stockholm", "SE") { PhoneNumber = "070-123 45 67" },
        };
    }

    private OrderBuilder PromotionLine(string id, string label, string? scope, (string LineId, decimal Discount)[] composition, bool withComposition)
    {
        var parts = composition
            .GroupBy(entry => _rates[entry.LineId])
            .Select(group => (Rate: group.Key, Discount: group.Sum(entry => entry.Discount)))
            .ToList();
        var taxes = parts.Select(part => new ShopwareTaxSnapshot(-Tax(part.Discount, part.Rate), part.Rate, -part.Discount)).ToList();
        var price = new ShopwarePrice(-composition.Sum(entry => entry.Discount), taxes) { TaxRuleRates = parts.Select(part => part.Rate).ToList() };
        _lines.Add(new ShopwareLineSnapshot(id, ShopwareLineTypes.Promotion, label, 1, price)
        {
            Identifier = id,
            ReferencedId = label.ToUpperInvariant(),
            Position = _lines.Count + 1,
            Promotion = new ShopwarePromotionPayload(withComposition ? "percentage" : "absolute", scope)
            {
                Code = label.ToUpperInvariant(),
                Composition = withComposition
                    ? composition.Select(entry => new ShopwareDiscountComposition(entry.LineId, 1, entry.Discount)).ToList()
                    : [],
            },
        });
        return this;
    }

    private decimal Tax(decimal amount, decimal rate) =>
        status switch
        {
            ShopwareTaxStatus.Gross => Math.Round(amount * rate / (100 + rate), 2, MidpointRounding.AwayFromZero),
            ShopwareTaxStatus.Net => Math.Round(amount * rate / 100, 2, MidpointRounding.AwayFromZero),
            _ => 0m,
        };
}
