namespace Connectors.Sitoo.Events;

/// <summary>The <c>event_type</c> of an Events SPI delivery. Unknown types are kept as they are, so a new
/// event type from Sitoo never breaks parsing.</summary>
/// <param name="Value">The type as sent.</param>
public readonly record struct SitooEventType(string Value)
{
    /// <summary>An order was added or changed (data: <see cref="SitooOrderEventData"/>).</summary>
    public static SitooEventType Order { get; } = new("order");

    /// <summary>An order delivery was added or changed (data: <see cref="SitooOrderDeliveryEventData"/>).</summary>
    public static SitooEventType OrderDelivery { get; } = new("order-delivery");

    /// <summary>A booking was added or changed (data: <see cref="SitooOrderEventData"/>).</summary>
    public static SitooEventType Booking { get; } = new("booking");

    /// <summary>A warehouse transaction was made (data: <see cref="SitooWarehouseTransactionEventData"/>).
    /// The only way stock changes are announced.</summary>
    public static SitooEventType WarehouseTransaction { get; } = new("warehouse-transaction");

    /// <summary>A register's Z-report was made (data: <see cref="SitooZReportEventData"/>).</summary>
    public static SitooEventType ZReport { get; } = new("z-report");

    /// <inheritdoc />
    public override string ToString() => Value;
}
