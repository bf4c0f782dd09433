using System.Globalization;
using System.Text;
using Connectors.Core.Customers;
using Connectors.Core.Orders;
using Connectors.Sitoo.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;

namespace Connectors.Sync.Orders;

/// <summary>The exception records of the order export: what is wrong with which order, line and SKU, and what fixes it.</summary>
internal static class OrderProblems
{
    /// <summary>The order cannot be translated; the first failure names the reason, the detail lists them all.</summary>
    public static SyncProblemException Untranslatable(string orderNumber, IReadOnlyList<OrderTranslationFailure> failures)
    {
        var first = failures[0];
        var detail = new StringBuilder();
        foreach (var failure in failures)
        {
            detail.Append(failure.Reason).Append(": ").Append(Describe(failure)).Append('\n');
        }

        return new SyncProblemException(new ExceptionReport(
            ReasonCodeOf(first.Reason),
            OwningTeam.Ecommerce,
            OrderWork.Entity(orderNumber),
            $"Shopware order {orderNumber} cannot be exported to Sitoo: {Describe(first)}",
            FixOf(first.Reason),
            detail.ToString().TrimEnd('\n')));
    }

    /// <summary>A field of the order cannot be read (missing association, unknown currency, shipping without a product).</summary>
    public static SyncProblemException Unmappable(string orderNumber, MappingException problem) =>
        new(new ExceptionReport(
            ReasonCodes.OrderUnmappable,
            OwningTeam.Ecommerce,
            OrderWork.Entity(orderNumber),
            $"Shopware order {orderNumber} cannot be exported to Sitoo: {problem.Message}",
            $"Correct '{problem.Field}' (in the order, or in the connector's order settings such as currencies and the shipping product), then retry.",
            problem.Reason));

    /// <summary>The order names products Sitoo does not have.</summary>
    public static SyncProblemException MissingProducts(string orderNumber, IReadOnlyList<SitooNewOrderItem> items) =>
        Untranslatable(orderNumber, [.. items.Select(item => new OrderTranslationFailure(
            OrderTranslationReason.MissingProductMapping, $"SKU '{item.Sku}' does not exist in Sitoo")
        {
            LineId = item.AdditionalData?.GetValueOrDefault(SitooOrderWriteMapper.WebItemIdKey),
            LineLabel = item.ProductName,
            Sku = item.Sku,
        })]);

    public static SyncProblemException OrderGone(string orderId) =>
        new(new ExceptionReport(
            ReasonCodes.OrderUnmappable,
            OwningTeam.Ecommerce,
            OrderWork.Entity(orderId),
            $"Shopware order {orderId} no longer exists, so it cannot be exported.",
            "Nothing is left to export: ignore this record, or restore the order in Shopware and retry."));

    public static SyncProblemException CustomerConflict(string orderNumber, CustomerMatch.Conflict conflict) =>
        new(new ExceptionReport(
            ReasonCodes.CustomerConflict,
            OwningTeam.Ecommerce,
            OrderWork.Entity(orderNumber),
            $"The customer of Shopware order {orderNumber} cannot be matched to one Sitoo user: {conflict.Rule}.",
            conflict.Kind == CustomerConflictKind.NoUsableContact
                ? "Add a valid e-mail address to the order's customer in Shopware, then retry."
                : "Decide which Sitoo user is the person (merge or correct the users' e-mail and externalid in Sitoo), then retry.",
            "Candidates: " + string.Join(", ", conflict.CandidateIds)));

    public static SyncProblemException SitooUserRejected(string orderNumber, string email, int status, string? error) =>
        new(new ExceptionReport(
            ReasonCodes.ApiRejected,
            OwningTeam.Retail,
            OrderWork.Entity(orderNumber),
            $"Sitoo refused to create the customer {email} of Shopware order {orderNumber}: {error ?? "no reason given"}",
            "Correct the customer data Sitoo names (in Shopware or in Sitoo), then retry.",
            RemoteError: new RemoteError("sitoo", status, null, error ?? "rejected", "email")));

    public static SyncProblemException AlreadyHandedOver(string orderNumber, long sitooOrderId) =>
        new(new ExceptionReport(
            ReasonCodes.OrderUnmappable,
            OwningTeam.Retail,
            OrderWork.Entity(orderNumber),
            string.Create(CultureInfo.InvariantCulture, $"Shopware order {orderNumber} was cancelled, but its Sitoo order {sitooOrderId} is already closed (handed over)."),
            "Take the goods back with a return in store, or reopen the order in Shopware; then resolve this record."));

    private static string ReasonCodeOf(OrderTranslationReason reason) => reason switch
    {
        OrderTranslationReason.MissingProductMapping => ReasonCodes.MissingProductMapping,
        OrderTranslationReason.PromotionLineUnmapped => ReasonCodes.PromotionLineUnmapped,
        _ => ReasonCodes.OrderUnmappable,
    };

    private static string FixOf(OrderTranslationReason reason) => reason switch
    {
        OrderTranslationReason.MissingProductMapping =>
            "Create the product with this SKU in Sitoo, or map the product number to an existing SKU (Connectors:Sync:Stock:SkuOverrides); then retry.",
        OrderTranslationReason.PromotionLineUnmapped =>
            "Give the promotion a rule (an IPromotionPolicy, or Connectors:Sync:Orders:DiscountProductSku), check it with OrderTranslationPreviewer, then retry.",
        OrderTranslationReason.ServiceProductNotConfigured =>
            "Configure the Sitoo service product for the line type (Connectors:Sync:OrderExport:CreditProductSku or CustomProductSku), then retry.",
        _ => "Check the order in Shopware against the rule named; adjust it or the mapping policies and retry, or ignore this record if the order must not reach Sitoo.",
    };

    private static string Describe(OrderTranslationFailure failure) =>
        failure.Rule
        + (failure.LineId is null ? string.Empty : $" (line {failure.LineId} '{failure.LineLabel}')")
        + (failure.Sku is null ? string.Empty : $" (SKU {failure.Sku})");
}
