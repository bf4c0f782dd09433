namespace Connectors.Core.Inventory;

/// <summary>What to do with a store-stocked product that Shopware would keep selling at stock 0.</summary>
public enum CloseoutAction
{
    /// <summary>Report it in the drift report when it is sellable at 0.</summary>
    Warn = 0,

    /// <summary>Set <c>isCloseout = true</c> in Shopware so it stops selling at 0.</summary>
    Force = 1,

    /// <summary>Leave it alone: backorders are intended.</summary>
    Ignore = 2,
}
