namespace Connectors.Testing.Sitoo;

/// <summary>Sitoo's warehouse types (<c>warehousetype</c>).</summary>
public enum SitooWarehouseKind
{
    /// <summary>FIFO (10): stock changes only through warehouse transactions and batches.</summary>
    Fifo = 10,

    /// <summary>Virtual (20): <c>decimaltotal</c> is set directly; no transactions.</summary>
    Virtual = 20,
}
