using Connectors.Core.Identity;
using Connectors.Sync.State;

namespace Connectors.Sync.Orders;

/// <summary>The work items of one Shopware order: its export and, when it is cancelled after export, its cancellation.</summary>
/// <remarks>Both share an ordering key, so a cancellation never overtakes the export it undoes.</remarks>
internal static class OrderWork
{
    /// <summary>Exports a Shopware order to Sitoo; the payload is the Shopware order id.</summary>
    public const string ExportKind = "order.export";

    /// <summary>Cancels the Sitoo order of a cancelled Shopware order; the payload is the Shopware order id.</summary>
    public const string CancelKind = "order.cancel";

    public static string ExportKey(string orderId) => IdempotencyKey.ShopwareOrder(orderId).Append("export").Value;

    public static string CancelKey(string orderId) => IdempotencyKey.ShopwareOrder(orderId).Append("cancel").Value;

    public static NewWorkItem Export(string orderId) =>
        new(ExportKey(orderId), ExportKind, WorkLane.Orders, orderId, OrderingKey: OrderingKey(orderId));

    public static NewWorkItem Cancel(string orderId) =>
        new(CancelKey(orderId), CancelKind, WorkLane.Orders, orderId, OrderingKey: OrderingKey(orderId));

    /// <summary>What an exception record about the order points at: its number when known (operators search by it).</summary>
    public static EntityReference Entity(string orderNumberOrId) => new("shopware.order", orderNumberOrId);

    private static string OrderingKey(string orderId) => "shopware-order:" + orderId;
}
