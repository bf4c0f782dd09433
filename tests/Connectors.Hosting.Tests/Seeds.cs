using Connectors.Sync.State;

namespace Connectors.Hosting.Tests;

/// <summary>Exception records as the engine would report them.</summary>
internal static class Seeds
{
    public static ExceptionReport MissingMapping(string sku) => new(
        "MissingProductMapping", OwningTeam.Ecommerce, new EntityReference("sku", sku),
        $"No Shopware product has the number {sku}.", "Create the product in Shopware or map the SKU.",
        Detail: "Line 2 of Sitoo order 4711", WorkItemKey: $"sitoo:1500:1:wtx:{sku}");

    public static ExceptionReport UnknownStore() => new(
        "UnknownStoreLocation", OwningTeam.Retail, new EntityReference("sitoo.warehouse", "17"),
        "Warehouse 17 is not in the stock topology.", "Add the warehouse to Connectors:Stock:Locations.");

    public static ExceptionReport Rejected() => new(
        "ApiRejected", OwningTeam.Finance, new EntityReference("shopware.order", "10042"),
        "Shopware refused the refund <script>alert(1)</script>.", "Check the payment extension.",
        RemoteError: new RemoteError("shopware", 400, "CHECKOUT__REFUND_AMOUNT", "Amount too high", "/0/amount"));

    public static async Task<IReadOnlyList<ExceptionRecord>> RecordAllAsync(IConnectorStore store)
    {
        List<ExceptionRecord> records = [];
        foreach (var report in new[] { MissingMapping("A-1"), MissingMapping("B-2"), UnknownStore(), Rejected() })
        {
            records.Add(await store.Exceptions.RecordAsync(report, CancellationToken.None));
        }
        return records;
    }
}
