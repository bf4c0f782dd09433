using Connectors.Core.Identity;
using Connectors.Sync.State;

namespace Connectors.Sync.Orders;

/// <summary>The work items of one Shopware order: its export and, when it is cancelled after export, its cancellation.</summary>
/// <remarks>
/// Both share an ordering key, so a cancellation never overtakes the export it undoes. The key is the customer's e-mail
/// address where the order has one: the orders of one person are exported one after the other, whichever instance
/// claims them, so two instances never both find no Sitoo customer for the address and both create one.
/// </remarks>
internal static class OrderWork
{
    /// <summary>Exports a Shopware order to Sitoo; the payload is the Shopware order id.</summary>
    public const string ExportKind = "order.export";

    /// <summary>Cancels the Sitoo order of a cancelled Shopware order; the payload is the Shopware order id.</summary>
    public const string CancelKind = "order.cancel";

    public static string ExportKey(string orderId) => IdempotencyKey.ShopwareOrder(orderId).Append("export").Value;

    public static string CancelKey(string orderId) => IdempotencyKey.ShopwareOrder(orderId).Append("cancel").Value;

    /// <summary>The export of an order, in turn with the other orders of its customer's e-mail address (if any).</summary>
    public static NewWorkItem Export(string orderId, string? customerEmail) =>
        new(ExportKey(orderId), ExportKind, WorkLane.Orders, orderId, OrderingKey: OrderingKey(orderId, customerEmail));

    /// <summary>The cancellation of an exported order, in turn after <paramref name="export"/>.</summary>
    public static NewWorkItem Cancel(string orderId, WorkItem export) =>
        new(CancelKey(orderId), CancelKind, WorkLane.Orders, orderId, OrderingKey: export.OrderingKey ?? OrderingKey(orderId, null));

    /// <summary>What an exception record about the order points at: its number when known (operators search by it).</summary>
    public static EntityReference Entity(string orderNumberOrId) => new("shopware.order", orderNumberOrId);

    private static string OrderingKey(string orderId, string? customerEmail) =>
        string.IsNullOrWhiteSpace(customerEmail) ? "shopware-order:" + orderId : "customer-email:" + customerEmail.Trim().ToLowerInvariant();
}
