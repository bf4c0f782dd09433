using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Sync.Engine;
using Connectors.Sync.State;

namespace Connectors.Sync.Reconciliation;

/// <summary>The exception records a reconciliation writes: the same reason and entity as the stock writer's, so one problem stays one record.</summary>
internal static class ReconciliationProblems
{
    public static ExceptionReport MissingProduct(string productNumber, SkuMapping skus, decimal onlineQuantity) => new(
        ReasonCodes.MissingProductMapping,
        OwningTeam.Ecommerce,
        new EntityReference("sku", productNumber),
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Sitoo holds {onlineQuantity} of SKU '{skus.ToSitoo(productNumber)}' for online sale, but no Shopware product has the product number '{productNumber}'."),
        "Create the product in Shopware with this product number, or map the SKU to an existing number (Connectors:Sync:Stock:SkuOverrides); the next reconciliation picks it up.");

    public static ExceptionReport Rejected(string sku, ShopwareSyncRejectedRow row)
    {
        var error = row.Errors.Count > 0 ? row.Errors[0] : null;
        return new ExceptionReport(
            ReasonCodes.ApiRejected,
            OwningTeam.Ecommerce,
            new EntityReference("sku", sku),
            $"Shopware refused the reconciled stock of '{sku}': {error?.Detail ?? "no reason given"}",
            "Correct the product in Shopware (the field the error names); the next reconciliation writes it again.",
            RemoteError: new RemoteError("shopware", 400, error?.Code, error?.Detail ?? "rejected", error?.SourcePointer));
    }
}
