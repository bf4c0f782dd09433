using Connectors.Core.Orders;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sync.Mapping;

namespace Connectors.Sync.Orders;

/// <summary>Reads single Shopware orders with everything the export needs, and turns them into the Core's snapshot.</summary>
internal sealed class ShopwareOrderReader(IShopwareAdminClient shopware, OrderExportSettings settings)
{
    /// <summary>The technical name of Shopware's cancelled order state.</summary>
    public const string CancelledState = "cancelled";

    /// <summary>The criteria of an order read: line items, customer (to tell guests), transactions, deliveries and state.</summary>
    public static ShopwareCriteria Details() => ShopwareCriteria.ForOrderDetails();

    public Task<ShopwareOrder?> FindByIdAsync(string orderId, CancellationToken cancellationToken) =>
        FirstAsync(Details().Ids(orderId), cancellationToken);

    public Task<ShopwareOrder?> FindByNumberAsync(string orderNumber, CancellationToken cancellationToken) =>
        FirstAsync(Details().Filter(ShopwareFilter.EqualTo("orderNumber", orderNumber)), cancellationToken);

    /// <summary>The order as the Core's snapshot.</summary>
    /// <remarks>The currency is the loaded <c>currency</c> association's ISO code, else the configured one of <c>currencyId</c>.</remarks>
    /// <exception cref="MappingException">A field the translation needs is missing, or the currency is neither loaded nor configured.</exception>
    public ShopwareOrderSnapshot ToSnapshot(ShopwareOrder order)
    {
        var currency = order.Currency?.IsoCode
            ?? (order.CurrencyId is { } id && settings.CurrencyIsoCodes.TryGetValue(id, out var code) ? code : string.Empty);
        return ShopwareOrderMapper.ToSnapshot(order, new ShopwareOrderContext(currency));
    }

    public static bool IsCancelled(ShopwareOrder order) => order.StateMachineState?.TechnicalName == CancelledState;

    /// <summary>The quantity per product number of the order's product lines: what Shopware took off its stock.</summary>
    public static Dictionary<string, int> ProductQuantities(ShopwareOrder order) =>
        (order.LineItems ?? [])
            .Where(line => line.Type == ShopwareLineItemTypes.Product && !string.IsNullOrEmpty(line.PayloadProductNumber))
            .GroupBy(line => line.PayloadProductNumber!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(line => line.Quantity), StringComparer.Ordinal);

    private async Task<ShopwareOrder?> FirstAsync(ShopwareCriteria criteria, CancellationToken cancellationToken)
    {
        var page = await shopware.Orders.SearchAsync(criteria.Limit(1), cancellationToken: cancellationToken).ConfigureAwait(false);
        return page.Items.Count == 0 ? null : page.Items[0];
    }
}
