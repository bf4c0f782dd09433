namespace Connectors.Core.Inventory;

/// <summary>Whether a stock value seen in Shopware (e.g. from <c>product.written</c>) is our own write.</summary>
public enum EchoCheck
{
    /// <summary>It equals what we last wrote: an echo, not a new change.</summary>
    OwnWrite = 0,

    /// <summary>It differs from what we last wrote: someone else changed it.</summary>
    ForeignChange = 1,

    /// <summary>We never wrote this SKU.</summary>
    NeverWritten = 2,
}
