namespace Connectors.Core.Finance;

/// <summary>Where a sale was made: at a store's till or through the online shop.</summary>
public enum JournalChannel
{
    /// <summary>A POS receipt: the Sitoo order has a <c>registerid</c>.</summary>
    Pos,

    /// <summary>An online order: the Sitoo order has no <c>registerid</c> (e.g. a Shopware order exported to Sitoo).</summary>
    Online,
}
