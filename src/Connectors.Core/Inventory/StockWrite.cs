namespace Connectors.Core.Inventory;

/// <summary>A decided change to one Shopware product's stock (and possibly its closeout flag).</summary>
public sealed record StockWrite
{
    private StockWrite(string sku, StockWriteKind kind, int quantity, int? contributionAfter)
    {
        Sku = sku;
        Kind = kind;
        Quantity = quantity;
        ContributionAfter = contributionAfter;
    }

    /// <summary>The Shopware product number (written through the <c>product.number</c> resolver).</summary>
    public string Sku { get; }

    /// <summary>Absolute or delta.</summary>
    public StockWriteKind Kind { get; }

    /// <summary>The stock to write (absolute) or the change to apply (delta).</summary>
    public int Quantity { get; }

    /// <summary>In contribution mode: the store contribution Shopware holds once this write is applied.</summary>
    public int? ContributionAfter { get; }

    /// <summary>Also set <c>isCloseout = true</c> (closeout policy <see cref="CloseoutAction.Force"/>).</summary>
    public bool SetCloseout { get; init; }

    /// <summary>
    /// The newest Sitoo transaction this write accounts for; <see langword="null"/> when it came from a
    /// snapshot. Recording the write clears the SKU's pending change only if nothing newer arrived since.
    /// </summary>
    public long? BasedOnTransactionId { get; init; }

    /// <summary>An absolute write (projection mode).</summary>
    public static StockWrite Absolute(string sku, int stock) => new(sku, StockWriteKind.Absolute, stock, null);

    /// <summary>A delta write that brings the applied store contribution to <paramref name="contributionAfter"/>.</summary>
    public static StockWrite Delta(string sku, int delta, int contributionAfter) =>
        new(sku, StockWriteKind.Delta, delta, contributionAfter);

    /// <summary>Only sets <c>isCloseout = true</c>; the stock is not touched, so no order can be undone.</summary>
    public static StockWrite CloseoutOnly(string sku) =>
        new(sku, StockWriteKind.CloseoutOnly, 0, null) { SetCloseout = true };

    /// <summary>The stock value to send, given Shopware's stock as read just before the write.</summary>
    public int StockToWrite(int currentStock) => Kind switch
    {
        StockWriteKind.Absolute => Quantity,
        StockWriteKind.Delta => checked(currentStock + Quantity),
        _ => currentStock,
    };
}
