namespace Connectors.Core.Inventory;

/// <summary>
/// Decides about store-stocked products whose Shopware <c>isCloseout</c> is false, which Shopware keeps
/// purchasable at stock 0 (backorder).
/// </summary>
public interface ICloseoutPolicy
{
    /// <summary>The action for one such product.</summary>
    /// <param name="sku">The Shopware product number.</param>
    CloseoutAction Decide(string sku);
}
