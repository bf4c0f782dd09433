using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Connectors.Sitoo;
using Connectors.Sync.Engine;
using Connectors.Sync.State;

namespace Connectors.Sync.Stock;

/// <summary>The exception records for Sitoo records the connector cannot use, one per record.</summary>
internal static class SitooRecordProblems
{
    /// <summary>A warehouse transaction that could not be read: its stock movement is not applied.</summary>
    public static ExceptionReport UnreadableTransaction(SitooUnreadableItem item) => new(
        ReasonCodes.MalformedSitooRecord,
        OwningTeam.Retail,
        new EntityReference("sitoo-warehouse-transaction", IdOf(item)),
        $"Sitoo listed warehouse transaction {IdOf(item)} in a shape the connector cannot read ({item.Error}); its stock movement was not applied.",
        "Check the transaction in Sitoo: if it moved stock without naming the SKU, book the movement again on the right SKU. "
        + "The next full reconciliation corrects the shop's stock; if the raw JSON looks like valid Sitoo data, send it to IT. Then resolve.",
        Detail: "Raw JSON: " + item.RawJson);

    /// <summary>A warehouse transaction that was read but lacks what the ledger needs (e.g. a blank SKU).</summary>
    public static ExceptionReport IncompleteTransaction(long transactionId, string reason) => new(
        ReasonCodes.MalformedSitooRecord,
        OwningTeam.Retail,
        new EntityReference("sitoo-warehouse-transaction", transactionId.ToString(CultureInfo.InvariantCulture)),
        reason,
        "Check the transaction in Sitoo; the stock of its SKUs is corrected by the next reconciliation. Then resolve.");

    /// <summary>An order that could not be read: a return it holds is not refunded, a web order's pickup not carried over.</summary>
    public static ExceptionReport UnreadableOrder(SitooUnreadableItem item) => new(
        ReasonCodes.MalformedSitooRecord,
        OwningTeam.Retail,
        new EntityReference("sitoo-order", IdOf(item)),
        $"Sitoo listed order {IdOf(item)} in a shape the connector cannot read ({item.Error}); it was skipped.",
        "Open the order in Sitoo. If it is a store return of an online order, refund it by hand in Shopware; if it is an online order "
        + "picked up or shipped, set its delivery state in Shopware by hand. Send the raw JSON to IT, then resolve.",
        Detail: "Raw JSON: " + item.RawJson);

    // An item whose id could not be read is still one record: named by a hash of what Sitoo sent.
    private static string IdOf(SitooUnreadableItem item) =>
        item.Id?.ToString(CultureInfo.InvariantCulture)
        ?? "unknown-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.RawJson)))[..12];
}
