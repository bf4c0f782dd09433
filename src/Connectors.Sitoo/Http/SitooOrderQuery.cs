using Refit;

namespace Connectors.Sitoo.Http;

/// <summary>Filters of the account-level order list; null values are left out of the query string.</summary>
internal sealed record SitooOrderQuery
{
    [AliasAs("eshopid")]
    public int? EshopId { get; init; }

    [AliasAs("start")]
    public int Start { get; init; }

    [AliasAs("num")]
    public int Num { get; init; }

    [AliasAs("fields")]
    public required string Fields { get; init; }

    [AliasAs("sort")]
    public string? Sort { get; init; }

    [AliasAs("orderidfrom")]
    public long? OrderIdFrom { get; init; }

    [AliasAs("orderdatefrom")]
    public long? OrderDateFrom { get; init; }

    [AliasAs("orderdateto")]
    public long? OrderDateTo { get; init; }

    [AliasAs("externalid")]
    public string? ExternalId { get; init; }

    [AliasAs("receiptid")]
    public string? ReceiptId { get; init; }

    [AliasAs("creditorderid")]
    public long? CreditOrderId { get; init; }
}
