using System.Globalization;
using System.Text.Json.Serialization;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>The state of an order (<c>orderstateid</c>). Unknown values are kept as they are.</summary>
/// <param name="Value">The number Sitoo uses on the wire.</param>
[JsonConverter(typeof(SitooCodeConverter<SitooOrderState>))]
public readonly record struct SitooOrderState(int Value) : ISitooCode<SitooOrderState>
{
    /// <summary>Open.</summary>
    public static SitooOrderState Open { get; } = new(0);

    /// <summary>Closed (a completed POS sale is closed).</summary>
    public static SitooOrderState Closed { get; } = new(10);

    /// <summary>Cancelled; Sitoo orders cannot be deleted, only cancelled.</summary>
    public static SitooOrderState Cancelled { get; } = new(20);

    /// <summary>Abandoned.</summary>
    public static SitooOrderState Abandoned { get; } = new(-1);

    static SitooOrderState ISitooCode<SitooOrderState>.FromValue(int value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The payment state of an order (<c>paymentstateid</c>). Unknown values are kept as they are.</summary>
/// <param name="Value">The number Sitoo uses on the wire.</param>
[JsonConverter(typeof(SitooCodeConverter<SitooPaymentState>))]
public readonly record struct SitooPaymentState(int Value) : ISitooCode<SitooPaymentState>
{
    /// <summary>No payment.</summary>
    public static SitooPaymentState None { get; } = new(0);

    /// <summary>Pending.</summary>
    public static SitooPaymentState Pending { get; } = new(10);

    /// <summary>Reserved.</summary>
    public static SitooPaymentState Reserved { get; } = new(15);

    /// <summary>Successful.</summary>
    public static SitooPaymentState Successful { get; } = new(20);

    /// <summary>Cancelled.</summary>
    public static SitooPaymentState Cancelled { get; } = new(30);

    /// <summary>Failed.</summary>
    public static SitooPaymentState Failed { get; } = new(40);

    static SitooPaymentState ISitooCode<SitooPaymentState>.FromValue(int value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The type of an order (<c>ordertypeid</c>); the current docs may know more values than these. Unknown values are kept as they are.</summary>
/// <param name="Value">The number Sitoo uses on the wire.</param>
[JsonConverter(typeof(SitooCodeConverter<SitooOrderType>))]
public readonly record struct SitooOrderType(int Value) : ISitooCode<SitooOrderType>
{
    /// <summary>A normal order; POS sales and returns are of this type.</summary>
    public static SitooOrderType Order { get; } = new(10);

    /// <summary>A booking.</summary>
    public static SitooOrderType Booking { get; } = new(100);

    /// <summary>A receipt parked in the POS.</summary>
    public static SitooOrderType PosParked { get; } = new(110);

    static SitooOrderType ISitooCode<SitooOrderType>.FromValue(int value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The type of an order line (<c>orderitemtype</c>); only the product type's number is confirmed. Unknown values are kept as they are.</summary>
/// <param name="Value">The number Sitoo uses on the wire.</param>
[JsonConverter(typeof(SitooCodeConverter<SitooOrderItemType>))]
public readonly record struct SitooOrderItemType(int Value) : ISitooCode<SitooOrderItemType>
{
    /// <summary>A product line.</summary>
    public static SitooOrderItemType Product { get; } = new(10);

    static SitooOrderItemType ISitooCode<SitooOrderItemType>.FromValue(int value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The type of a warehouse transaction (<c>transactiontype</c>); 30, 40 and 50 are read-only for writes. Unknown values are kept as they are.</summary>
/// <param name="Value">The number Sitoo uses on the wire.</param>
[JsonConverter(typeof(SitooCodeConverter<SitooTransactionType>))]
public readonly record struct SitooTransactionType(int Value) : ISitooCode<SitooTransactionType>
{
    /// <summary>A positive manual adjustment ("Move In" in Sitoo's example).</summary>
    public static SitooTransactionType InboundAdjustment { get; } = new(10);

    /// <summary>A negative manual adjustment ("Move Out" in Sitoo's example).</summary>
    public static SitooTransactionType OutboundAdjustment { get; } = new(20);

    /// <summary>Stock leaving with an order delivery.</summary>
    public static SitooTransactionType Sales { get; } = new(30);

    /// <summary>Stock coming back with a refund.</summary>
    public static SitooTransactionType Refund { get; } = new(40);

    /// <summary>A stocktaking; created by closing a stocktaking warehouse batch.</summary>
    public static SitooTransactionType StockTaking { get; } = new(50);

    static SitooTransactionType ISitooCode<SitooTransactionType>.FromValue(int value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The type of a warehouse (<c>warehousetype</c>). Unknown values are kept as they are.</summary>
/// <param name="Value">The number Sitoo uses on the wire.</param>
[JsonConverter(typeof(SitooCodeConverter<SitooWarehouseType>))]
public readonly record struct SitooWarehouseType(int Value) : ISitooCode<SitooWarehouseType>
{
    /// <summary>Stock changes only through transactions or warehouse batches.</summary>
    public static SitooWarehouseType Fifo { get; } = new(10);

    /// <summary>Stock is set directly; transactions are not allowed.</summary>
    public static SitooWarehouseType Virtual { get; } = new(20);

    static SitooWarehouseType ISitooCode<SitooWarehouseType>.FromValue(int value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The state of a warehouse batch (<c>warehousebatchstate</c>). Unknown values are kept as they are.</summary>
/// <param name="Value">The number Sitoo uses on the wire.</param>
[JsonConverter(typeof(SitooCodeConverter<SitooWarehouseBatchState>))]
public readonly record struct SitooWarehouseBatchState(int Value) : ISitooCode<SitooWarehouseBatchState>
{
    /// <summary>Open: items can be added.</summary>
    public static SitooWarehouseBatchState Open { get; } = new(10);

    /// <summary>Closed: moving a batch to this state commits it as one warehouse transaction.</summary>
    public static SitooWarehouseBatchState Closed { get; } = new(20);

    static SitooWarehouseBatchState ISitooCode<SitooWarehouseBatchState>.FromValue(int value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The type of an order log item (<c>orderlogtypeid</c>); only these two may be written. Unknown values are kept as they are.</summary>
/// <param name="Value">The number Sitoo uses on the wire.</param>
[JsonConverter(typeof(SitooCodeConverter<SitooOrderLogType>))]
public readonly record struct SitooOrderLogType(int Value) : ISitooCode<SitooOrderLogType>
{
    /// <summary>The order is ready for pickup in store.</summary>
    public static SitooOrderLogType ReadyForPickup { get; } = new(900);

    /// <summary>The pickup was rejected.</summary>
    public static SitooOrderLogType PickupRejected { get; } = new(910);

    static SitooOrderLogType ISitooCode<SitooOrderLogType>.FromValue(int value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
