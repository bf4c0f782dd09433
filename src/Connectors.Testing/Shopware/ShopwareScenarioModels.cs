namespace Connectors.Testing.Shopware;

/// <summary>A catalogue product to create in the simulated shop.</summary>
/// <param name="ProductNumber">The SKU (<c>productNumber</c>), unique in the shop.</param>
/// <param name="Stock">The sellable stock (6.6+ semantics).</param>
public sealed record ShopProductDraft(string ProductNumber, int Stock)
{
    /// <summary>The product id; <see langword="null"/> for a generated one.</summary>
    public string? Id { get; init; }

    /// <summary>The product's name.</summary>
    public string? Name { get; init; }

    /// <summary>Whether the product is hidden and not purchasable once sold out (<c>isCloseout</c>).</summary>
    public bool IsCloseout { get; init; }

    /// <summary>The gross unit price in the default currency.</summary>
    public decimal GrossPrice { get; init; } = 10m;

    /// <summary>The tax rate in percent.</summary>
    public decimal TaxRate { get; init; } = 19m;

    /// <summary>The smallest quantity a customer may buy (<c>minPurchase</c>).</summary>
    public int MinPurchase { get; init; } = 1;

    /// <summary>The product's description (<c>description</c>).</summary>
    public string? Description { get; init; }

    /// <summary>The manufacturer entity's id (<c>manufacturerId</c>).</summary>
    public string? ManufacturerId { get; init; }

    /// <summary>The manufacturer's own article number (<c>manufacturerNumber</c>).</summary>
    public string? ManufacturerNumber { get; init; }

    /// <summary>The ids of the categories the product is in (<c>categoryIds</c>).</summary>
    public IReadOnlyList<string> CategoryIds { get; init; } = [];

    /// <summary>The product's custom fields by name (<c>customFields</c>).</summary>
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();
}

/// <summary>A variant to add under a catalogue product; null fields are inherited from the parent.</summary>
/// <param name="ProductNumber">The variant's SKU (<c>productNumber</c>), unique in the shop.</param>
/// <param name="Stock">The variant's own sellable stock (never inherited).</param>
public sealed record ShopVariantDraft(string ProductNumber, int Stock)
{
    /// <summary>The options that set the variant apart, e.g. Size = 42.</summary>
    public IReadOnlyList<ShopVariantOption> Options { get; init; } = [];

    /// <summary>The variant's own name; <see langword="null"/> inherits the parent's.</summary>
    public string? Name { get; init; }

    /// <summary>The variant's own gross price in the default currency; <see langword="null"/> inherits.</summary>
    public decimal? GrossPrice { get; init; }

    /// <summary>The variant's own tax rate; <see langword="null"/> inherits.</summary>
    public decimal? TaxRate { get; init; }

    /// <summary>The variant's EAN.</summary>
    public string? Ean { get; init; }

    /// <summary>The variant's own active flag; <see langword="null"/> inherits.</summary>
    public bool? Active { get; init; }
}

/// <summary>One option of a variant: a property group and its value.</summary>
/// <param name="Group">The property group, e.g. Size.</param>
/// <param name="Value">The option, e.g. 42.</param>
public sealed record ShopVariantOption(string Group, string Value);

/// <summary>A change staff make to a catalogue product; null fields stay as they are.</summary>
public sealed record ShopProductChange
{
    /// <summary>A new name.</summary>
    public string? Name { get; init; }

    /// <summary>A new description.</summary>
    public string? Description { get; init; }

    /// <summary>A new gross price in the default currency.</summary>
    public decimal? GrossPrice { get; init; }

    /// <summary>Activates or deactivates the product.</summary>
    public bool? Active { get; init; }
}

/// <summary>A product line of an online order.</summary>
/// <param name="ProductNumber">The product's SKU.</param>
/// <param name="Quantity">How many are bought.</param>
/// <param name="UnitPrice">The unit price in the order's tax status; <see langword="null"/> for the product's price.</param>
public sealed record ShopOrderLine(string ProductNumber, int Quantity, decimal? UnitPrice = null);

/// <summary>A cart promotion applied to all product lines of an order.</summary>
/// <param name="Name">The promotion's name, used as the line label.</param>
/// <param name="Code">The promotion code (<c>referencedId</c>); empty for an automatic promotion.</param>
/// <param name="Percentage">A percentage discount, or <see langword="null"/>.</param>
/// <param name="Amount">An absolute discount spread over the lines in proportion to their totals, or <see langword="null"/>.</param>
public sealed record ShopPromotion(string Name, string Code, decimal? Percentage = null, decimal? Amount = null);

/// <summary>A manual credit added to an order in the Administration: a negative <c>credit</c> line.</summary>
/// <param name="Label">The line's label.</param>
/// <param name="Amount">The amount credited, positive, in the order's tax status.</param>
public sealed record ShopCredit(string Label, decimal Amount);

/// <summary>
/// An order currency with its cash rounding (Shopware's <c>itemRounding</c> and <c>totalRounding</c>), e.g. SEK whose
/// totals are rounded to whole kronor, CHF to 0.05, JPY without decimals.
/// </summary>
/// <param name="IsoCode">The ISO 4217 code (<c>isoCode</c>).</param>
/// <param name="Decimals">Digits of line prices and totals (<c>decimals</c>).</param>
public sealed record ShopCurrency(string IsoCode, int Decimals = 2)
{
    /// <summary>Shopware's default currency, EUR to the cent.</summary>
    public static ShopCurrency Euro { get; } = new("EUR");

    /// <summary>The rounding step of line prices (<c>itemRounding.interval</c>); the minor unit by default.</summary>
    public decimal? ItemInterval { get; init; }

    /// <summary>The rounding step of the grand total (<c>totalRounding.interval</c>), e.g. 1.00; the minor unit by default.</summary>
    public decimal? TotalInterval { get; init; }
}

/// <summary>The payment method an order is paid with (<c>paymentMethod</c>).</summary>
/// <param name="Name">The name shown to customers (<c>name</c>).</param>
/// <param name="TechnicalName">The stable technical name (<c>technicalName</c>).</param>
public sealed record ShopPaymentMethod(string Name, string TechnicalName)
{
    /// <summary>Shopware's invoice payment, the simulator's default.</summary>
    public static ShopPaymentMethod Invoice { get; } = new("Invoice", "payment_invoice");
}

/// <summary>How shipping is taxed (the shipping method's <c>taxType</c>).</summary>
public enum ShopShippingTax
{
    /// <summary><c>highest</c>: at the highest rate in the cart.</summary>
    Highest,

    /// <summary><c>auto</c>: at the cart's rates, in proportion to the cart's value per rate.</summary>
    Auto,
}

/// <summary>Who places an online order: a guest (a new guest customer is created) or a registered customer.</summary>
public sealed record ShopBuyer
{
    private ShopBuyer()
    {
    }

    /// <summary>The registered customer's id, or <see langword="null"/> for a guest.</summary>
    public string? CustomerId { get; private init; }

    /// <summary>The guest's e-mail.</summary>
    public string? Email { get; private init; }

    /// <summary>The guest's first name.</summary>
    public string? FirstName { get; private init; }

    /// <summary>The guest's last name.</summary>
    public string? LastName { get; private init; }

    /// <summary>The guest's phone number, as typed into the address form.</summary>
    public string? Phone { get; private init; }

    /// <summary>A guest checkout: Shopware creates a customer with <c>guest: true</c> for it.</summary>
    public static ShopBuyer Guest(string email, string firstName, string lastName, string? phone = null) =>
        new() { Email = email, FirstName = firstName, LastName = lastName, Phone = phone };

    /// <summary>A checkout by a customer created before (e.g. with <see cref="ShopwareSimulator.RegisterCustomer"/>).</summary>
    public static ShopBuyer Registered(string customerId) => new() { CustomerId = customerId };
}

/// <summary>Whether an order's prices include tax.</summary>
public enum ShopTaxStatus
{
    /// <summary>Prices include tax (B2C).</summary>
    Gross,

    /// <summary>Prices exclude tax; tax is added on top (B2B).</summary>
    Net,

    /// <summary>No tax at all (<c>tax-free</c>), e.g. an export outside the EU.</summary>
    TaxFree,
}

/// <summary>An online order to place through the simulated storefront.</summary>
/// <param name="Buyer">The guest or registered customer.</param>
/// <param name="Lines">The product lines.</param>
public sealed record ShopOrderDraft(ShopBuyer Buyer, IReadOnlyList<ShopOrderLine> Lines)
{
    /// <summary>Promotions applied to the cart.</summary>
    public IReadOnlyList<ShopPromotion> Promotions { get; init; } = [];

    /// <summary>Shipping costs in the order's tax status.</summary>
    public decimal ShippingCosts { get; init; }

    /// <summary>Whether prices include tax.</summary>
    public ShopTaxStatus TaxStatus { get; init; } = ShopTaxStatus.Gross;

    /// <summary>Manual credits (<c>credit</c> lines), after the promotions.</summary>
    public IReadOnlyList<ShopCredit> Credits { get; init; } = [];

    /// <summary>The order currency and its rounding; line prices are taken as given in it.</summary>
    public ShopCurrency Currency { get; init; } = ShopCurrency.Euro;

    /// <summary>How shipping is taxed when the cart has several rates.</summary>
    public ShopShippingTax ShippingTax { get; init; } = ShopShippingTax.Highest;

    /// <summary>The payment method of the order's transaction.</summary>
    public ShopPaymentMethod PaymentMethod { get; init; } = ShopPaymentMethod.Invoice;
}

/// <summary>The state machines of an order.</summary>
public enum ShopStateMachine
{
    /// <summary><c>order.state</c>.</summary>
    Order,

    /// <summary><c>order_transaction.state</c> (payment).</summary>
    Transaction,

    /// <summary><c>order_delivery.state</c>.</summary>
    Delivery,
}

/// <summary>A product's stock figures, for assertions.</summary>
/// <param name="Id">The product id.</param>
/// <param name="ProductNumber">The SKU.</param>
/// <param name="Stock">The sellable stock.</param>
/// <param name="AvailableStock">The deprecated mirror of <paramref name="Stock"/>, as last indexed.</param>
/// <param name="Available">Whether the product can be bought, as last indexed.</param>
/// <param name="IsCloseout">Whether the product is a closeout.</param>
/// <param name="Sales">Units sold.</param>
public sealed record ShopProductState(string Id, string ProductNumber, int Stock, int AvailableStock, bool Available, bool IsCloseout, int Sales);

/// <summary>An order's identity, money and states, for assertions.</summary>
/// <param name="Id">The order id.</param>
/// <param name="OrderNumber">The order number.</param>
/// <param name="CustomerId">The customer (a guest customer for guest checkouts).</param>
/// <param name="TransactionId">The order's (primary) payment transaction.</param>
/// <param name="DeliveryId">The order's (primary) delivery.</param>
/// <param name="State">The technical name of the order state.</param>
/// <param name="TransactionState">The technical name of the payment state.</param>
/// <param name="DeliveryState">The technical name of the delivery state.</param>
/// <param name="AmountTotal">The total the customer pays.</param>
/// <param name="AmountNet">The total without tax.</param>
/// <param name="PositionPrice">The sum of all line totals (promotions included).</param>
/// <param name="ShippingTotal">The shipping costs.</param>
public sealed record ShopOrderState(
    string Id,
    string OrderNumber,
    string CustomerId,
    string TransactionId,
    string DeliveryId,
    string State,
    string TransactionState,
    string DeliveryState,
    decimal AmountTotal,
    decimal AmountNet,
    decimal PositionPrice,
    decimal ShippingTotal);

/// <summary>A write the Admin API accepted, with the headers that steered it.</summary>
/// <param name="Entity">The entity written, e.g. <c>product</c>.</param>
/// <param name="Ids">The ids written.</param>
/// <param name="IndexingBehavior">The <c>indexing-behavior</c> header, or <see langword="null"/> for synchronous indexing.</param>
/// <param name="SkipTriggerFlow">Whether <c>sw-skip-trigger-flow</c> was set, so no flows ran.</param>
public sealed record ShopwareWriteRecord(string Entity, IReadOnlyList<string> Ids, string? IndexingBehavior, bool SkipTriggerFlow);
