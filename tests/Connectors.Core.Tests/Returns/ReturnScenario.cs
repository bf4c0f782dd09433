using Connectors.Core.Orders;
using Connectors.Core.Returns;

namespace Connectors.Core.Tests.Returns;

/// <summary>An exported online order and helpers to describe Sitoo returns against it.</summary>
internal sealed class ReturnScenario
{
    public const long SitooOrderId = 5001;

    public ReturnScenario(ShopwareOrderSnapshot order, OrderTranslationOptions? options = null)
    {
        var translated = (OrderTranslationResult.Translated)new OrderTranslator(options ?? new OrderTranslationOptions()).Translate(order);
        Exported = new ExportedOrder(order, translated.Draft, SitooOrderId);
    }

    public ReturnScenario(ExportedOrder exported) => Exported = exported;

    public ExportedOrder Exported { get; }

    public SitooOriginalOrder Original => new(SitooOrderId, Exported.Order.OrderNumber);

    public List<SitooReturnSnapshot> Earlier { get; } = [];

    public static SitooReturnSnapshot Return(long orderId, params (string Sku, decimal Quantity)[] items) =>
        new(orderId, SitooOrderId, items.Select((item, index) => new SitooReturnItem(index, item.Sku, item.Quantity)).ToList());

    public ReturnContext Context(SitooReturnSnapshot sitooReturn) => new(sitooReturn, Original, Exported, Earlier.ToList());

    /// <summary>Plans the return and, when planned, records it as refunded.</summary>
    public ReturnPlanResult PlanAndRecord(RefundPlanner planner, SitooReturnSnapshot sitooReturn)
    {
        var result = planner.Plan(Context(sitooReturn));
        if (result is ReturnPlanResult.Planned)
        {
            Earlier.Add(sitooReturn);
        }

        return result;
    }
}
