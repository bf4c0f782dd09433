namespace Connectors.Testing.Sitoo;

/// <summary>A store made by <see cref="SitooSimulator.AddStore"/>: the store, its FIFO warehouse and its POS register.</summary>
/// <param name="StoreId">The store's <c>storeid</c>.</param>
/// <param name="WarehouseId">The store's FIFO warehouse.</param>
/// <param name="RegisterId">The POS register's GUID (<c>registerid</c> on its receipts).</param>
/// <param name="RegisterKey">The POS register's key, e.g. <c>SII0000001500001</c>; receipt ids start with it.</param>
public sealed record SimulatedSitooStore(int StoreId, int WarehouseId, string RegisterId, string RegisterKey);

/// <summary>One line of a POS sale.</summary>
/// <param name="Sku">The product's SKU.</param>
/// <param name="Quantity">Units sold, more than zero.</param>
/// <param name="UnitPrice">Gross price per unit; the product's <c>moneyprice</c> when <see langword="null"/>.</param>
/// <param name="Discount">Gross discount on the whole line.</param>
public sealed record SitooSaleLine(string Sku, int Quantity, decimal? UnitPrice = null, decimal Discount = 0);

/// <summary>One line of a return against an earlier order.</summary>
/// <param name="Sku">The SKU returned; it must be on the original order.</param>
/// <param name="Quantity">Units returned, more than zero.</param>
public sealed record SitooReturnLine(string Sku, int Quantity);

/// <summary>What a POS sale or return created.</summary>
/// <param name="OrderId">The order the receipt is (a return has negative quantities and <c>creditorderid</c>).</param>
/// <param name="ReceiptId">The receipt id (<c>additionaldata["pos-receiptid"]</c>).</param>
/// <param name="OrderDeliveryId">The delivery that moved the stock.</param>
/// <param name="WarehouseTransactionId">The stock transaction: Sales (30) for a sale, Refund (40) for a return.</param>
public sealed record SitooPosReceipt(long OrderId, string ReceiptId, long OrderDeliveryId, long WarehouseTransactionId);

/// <summary>A SKU's stock in one warehouse.</summary>
/// <param name="Total">Stock level (<c>decimaltotal</c>).</param>
/// <param name="Reserved">Held for open orders (<c>decimalreserved</c>).</param>
/// <param name="Available">Total less reserved (<c>decimalavailable</c>).</param>
public sealed record SitooStockLevel(decimal Total, decimal Reserved, decimal Available);

/// <summary>One line of a warehouse transaction, for assertions.</summary>
/// <param name="WarehouseTransactionId">The transaction's id; ids rise across all warehouses.</param>
/// <param name="WarehouseId">The warehouse.</param>
/// <param name="TransactionType">10 manual in, 20 manual out, 30 sales, 40 refund, 50 stocktaking.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">The signed change.</param>
/// <param name="TotalAfter">The level after the change.</param>
/// <param name="OrderDeliveryId">The order delivery that caused a sales or refund transaction.</param>
public sealed record SitooStockMovement(long WarehouseTransactionId, int WarehouseId, int TransactionType, string Sku, decimal Quantity, decimal TotalAfter, long? OrderDeliveryId);

/// <summary>How a till pays a customer back for a return.</summary>
public enum SitooRefundTender
{
    /// <summary>On a card at the store's terminal.</summary>
    Card,

    /// <summary>In cash from the till.</summary>
    Cash,

    /// <summary>Back to the payment the sale was paid with (for a web order: the online payment).</summary>
    OriginalPayment,
}

/// <summary>A part of a receipt paid by a named tender.</summary>
/// <param name="Name">The payment's name at the till, e.g. <c>Cash</c> or <c>Swish</c>.</param>
/// <param name="Amount">The amount paid with it.</param>
public sealed record SitooTender(string Name, decimal Amount);
