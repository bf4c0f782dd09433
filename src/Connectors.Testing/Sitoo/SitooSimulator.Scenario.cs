using System.Globalization;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Sitoo;

public sealed partial class SitooSimulator
{
    /// <summary>Creates a store with a FIFO warehouse and one POS register.</summary>
    /// <param name="name">The store's name.</param>
    /// <param name="externalId">The store's <c>externalid</c>, which its receipts carry as <c>store-externalid</c>.</param>
    public SimulatedSitooStore AddStore(string name, string? externalId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            var store = new StoreEntity(_stores.Count + 1, name, externalId);
            _stores.Add(store);
            var warehouse = NewWarehouse(name, SitooWarehouseKind.Fifo, store.StoreId, externalId);
            var key = "SII" + ((long)Sitoo.AccountId * 1000 + _registers.Count + 1).ToString("D13", CultureInfo.InvariantCulture);
            var register = new RegisterEntity(NewGuid(), key, warehouse.WarehouseId, Sitoo.CurrencyCode);
            _registers.Add(register);
            return new SimulatedSitooStore(store.StoreId, warehouse.WarehouseId, register.RegisterId, register.RegisterKey);
        }
    }

    /// <summary>Creates a warehouse, e.g. a distribution centre (FIFO) or a mirror of online stock (Virtual).</summary>
    /// <returns>The new <c>warehouseid</c>.</returns>
    public int AddWarehouse(string name, SitooWarehouseKind kind, int? storeId = null, string? externalId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            return NewWarehouse(name, kind, storeId, externalId).WarehouseId;
        }
    }

    /// <summary>Adds a product to the catalogue.</summary>
    /// <param name="sku">The SKU, unique in the site.</param>
    /// <param name="title">The product title.</param>
    /// <param name="price">The gross price (<c>moneyprice</c>).</param>
    /// <param name="vatId">The product group (VAT class): 1 = 0 %, 2 = 25 % (the default group), 3 = 12 %, 4 = 6 %.</param>
    /// <returns>The new <c>productid</c>.</returns>
    public int AddProduct(string sku, string title, decimal price, int vatId = 2)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        lock (_gate)
        {
            if (FindProductBySku(sku) is not null)
            {
                throw new InvalidOperationException($"A product with sku {sku} already exists.");
            }
            return CreateProduct(new JsonObject { ["sku"] = sku, ["title"] = title, ["moneyprice"] = SitooWire.Money(price), ["vatid"] = vatId });
        }
    }

    /// <summary>Adds a customer (a Sitoo user; emails are unique).</summary>
    /// <returns>The new <c>userid</c>, a GUID in braces.</returns>
    public string AddUser(string email, string? firstName = null, string? lastName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        lock (_gate)
        {
            if (FindUserByEmail(email) is not null)
            {
                throw new InvalidOperationException($"A user with email {email} already exists.");
            }
            return CreateUser(new JsonObject { ["email"] = email, ["namefirst"] = firstName ?? "", ["namelast"] = lastName ?? "" });
        }
    }

    /// <summary>Books stock into (<paramref name="delta"/> &gt; 0, type 10) or out of (type 20) a FIFO warehouse.</summary>
    /// <returns>The <c>warehousetransactionid</c>.</returns>
    public long AdjustStock(int warehouseId, string sku, decimal delta, string description = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        lock (_gate)
        {
            var warehouse = FifoWarehouse(warehouseId);
            return ApplyTransaction(warehouse, delta >= 0 ? ManualIn : ManualOut, [(sku, delta, 0m)], description, null, null, null).WarehouseTransactionId;
        }
    }

    /// <summary>Sets the level of a SKU in a Virtual warehouse directly, as <c>PUT warehouseitems.json</c> does.</summary>
    public void SetVirtualStock(int warehouseId, string sku, decimal total)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        lock (_gate)
        {
            var warehouse = FindWarehouse(warehouseId) ?? throw new ArgumentException($"No warehouse {warehouseId}.", nameof(warehouseId));
            if (warehouse.Kind != SitooWarehouseKind.Virtual)
            {
                throw new InvalidOperationException($"Warehouse {warehouseId} is FIFO: its stock changes only through transactions.");
            }
            var stock = StockOf(warehouse, sku);
            stock.Total = total;
            stock.LastModified = Now;
        }
    }

    /// <summary>Runs a stocktaking: a warehouse batch of type 50 with the counted quantities, closed at once.</summary>
    /// <param name="warehouseId">A FIFO warehouse.</param>
    /// <param name="counted">Counted quantity per SKU; SKUs left out keep their level.</param>
    /// <param name="comment">The batch comment, which becomes the transaction's description.</param>
    /// <returns>The stocktaking (50) <c>warehousetransactionid</c>; its items hold count − system level.</returns>
    public long RunStocktaking(int warehouseId, IReadOnlyDictionary<string, decimal> counted, string comment = "Stocktaking")
    {
        ArgumentNullException.ThrowIfNull(counted);
        lock (_gate)
        {
            var warehouse = FifoWarehouse(warehouseId);
            var batch = new BatchEntity(_batches.Count + 1, warehouse.WarehouseId, StockTaking, Now) { Comment = comment };
            foreach (var (sku, quantity) in counted)
            {
                batch.Items[sku] = (quantity, 0m);
            }
            _batches.Add(batch);
            return CloseBatch(batch).WarehouseTransactionId;
        }
    }

    /// <summary>
    /// Rings up a sale at the store's POS: a closed, paid order with the register, the store's warehouse and a receipt
    /// id, delivered at once, so the stock leaves as a Sales (30) transaction.
    /// </summary>
    /// <param name="store">The store selling.</param>
    /// <param name="lines">The lines sold.</param>
    /// <param name="customerEmail">A known customer's email to put on the receipt, or <see langword="null"/> for an anonymous sale.</param>
    /// <param name="tenders">Parts of the total paid by named tenders (e.g. <c>Cash</c>, <c>Swish</c>); the rest is paid by card.</param>
    public SitooPosReceipt SellAtPos(
        SimulatedSitooStore store, IReadOnlyList<SitooSaleLine> lines, string? customerEmail = null, IReadOnlyList<SitooTender>? tenders = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || lines.Any(l => l.Quantity <= 0))
        {
            throw new ArgumentException("A sale needs at least one line, each with a positive quantity.", nameof(lines));
        }
        lock (_gate)
        {
            var items = new JsonArray();
            foreach (var line in lines)
            {
                var product = FindProductBySku(line.Sku) ?? throw new ArgumentException($"No product with sku {line.Sku}.", nameof(lines));
                var unitPrice = line.UnitPrice ?? SitooWire.DecimalOr(product["moneyprice"], 0);
                items.Add(new JsonObject
                {
                    ["productname"] = SitooWire.Text(product["title"]) ?? line.Sku,
                    ["sku"] = line.Sku,
                    ["quantity"] = line.Quantity,
                    ["moneyrowprice"] = SitooWire.Money(unitPrice * line.Quantity),
                    ["moneyrowdiscount"] = SitooWire.Money(line.Discount),
                    ["vatvalue"] = SitooWire.DecimalOr(product["vatvalue"], 0),
                });
            }
            var customer = customerEmail is null ? null : FindUserByEmail(customerEmail)
                ?? throw new ArgumentException($"No user with email {customerEmail}.", nameof(customerEmail));
            return RingUp(store, items, customer, null, null, SitooRefundTender.Card, tenders ?? []);
        }
    }

    /// <summary>
    /// Returns items of an earlier order (a POS receipt or a web order) at the store's POS: a new order with negative
    /// quantities whose <c>creditorderid</c> is the original, delivered at once, so the stock comes back as a Refund (40).
    /// </summary>
    /// <param name="store">The store taking the return.</param>
    /// <param name="originalOrderId">The order bought from.</param>
    /// <param name="lines">What comes back; more than was bought and not yet returned is refused, as a validated return is.</param>
    /// <param name="reasonCode">The refund reason code, or <see langword="null"/>.</param>
    /// <param name="tender">How the till pays the customer back: card at the terminal (the default), cash, or back to the original payment.</param>
    public SitooPosReceipt ReturnAtPos(
        SimulatedSitooStore store, long originalOrderId, IReadOnlyList<SitooReturnLine> lines, string? reasonCode = null, SitooRefundTender tender = SitooRefundTender.Card)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || lines.Any(l => l.Quantity <= 0))
        {
            throw new ArgumentException("A return needs at least one line, each with a positive quantity.", nameof(lines));
        }
        lock (_gate)
        {
            var original = FindOrder(originalOrderId) ?? throw new ArgumentException($"No order {originalOrderId}.", nameof(originalOrderId));
            var items = new JsonArray();
            foreach (var line in lines)
            {
                var bought = original.Items.FirstOrDefault(i => SitooWire.Text(i["sku"]) == line.Sku && SitooWire.DecimalOr(i["quantity"], 0) > 0)
                    ?? throw new InvalidOperationException($"Order {originalOrderId} has no line with sku {line.Sku}.");
                var boughtQuantity = SitooWire.DecimalOr(bought["quantity"], 0);
                var returnedBefore = _orders
                    .Where(o => SitooWire.Long(o.Body["creditorderid"]) == originalOrderId)
                    .SelectMany(o => o.Items)
                    .Where(i => SitooWire.Text(i["sku"]) == line.Sku)
                    .Sum(i => -SitooWire.DecimalOr(i["quantity"], 0));
                if (returnedBefore + line.Quantity > boughtQuantity)
                {
                    throw new InvalidOperationException($"Only {boughtQuantity - returnedBefore} of {line.Sku} on order {originalOrderId} can still be returned.");
                }
                var unitGross = (SitooWire.DecimalOr(bought["moneyitemtotal_net"], 0) + SitooWire.DecimalOr(bought["moneyitemtotal_vat"], 0)) / boughtQuantity;
                items.Add(new JsonObject
                {
                    ["productname"] = SitooWire.Text(bought["productname"]) ?? line.Sku,
                    ["sku"] = line.Sku,
                    ["quantity"] = -line.Quantity,
                    ["moneyrowprice"] = SitooWire.Money(-unitGross * line.Quantity),
                    ["vatvalue"] = SitooWire.DecimalOr(bought["vatvalue"], 0),
                    ["additionaldata"] = new JsonObject
                    {
                        ["pos-originalsales-orderitemid"] = SitooWire.Long(bought["orderitemid"])!.Value.ToString(CultureInfo.InvariantCulture),
                    },
                });
            }
            var customer = SitooWire.Text(original.Body["email"]) is { Length: > 0 } email ? FindUserByEmail(email) : null;
            return RingUp(store, items, customer, original.OrderId, reasonCode, tender, []);
        }
    }

    /// <summary>Hands a web order over in its store (click and collect): delivers what is left from the order's warehouse and closes it.</summary>
    /// <returns>The Sales (30) <c>warehousetransactionid</c>, or <see langword="null"/> when nothing was left to deliver.</returns>
    public long? PickUpWebOrder(long orderId)
    {
        lock (_gate)
        {
            var order = FindOrder(orderId) ?? throw new ArgumentException($"No order {orderId}.", nameof(orderId));
            var warehouseId = order.WarehouseId ?? throw new InvalidOperationException($"Order {orderId} names no warehouse to pick up from.");
            return DeliverRestAndClose(order, warehouseId);
        }
    }

    /// <summary>
    /// Ships a web order from another warehouse than the one it was placed (and reserved) on, as a store does for
    /// ship-from-store: delivers what is left of the order from <paramref name="warehouseId"/>, so the stock leaves
    /// <em>that</em> warehouse as a Sales (30) transaction carrying the delivery's <c>orderdeliveryid</c>, and closes
    /// the order, which ends its reservation on its own warehouse.
    /// </summary>
    /// <param name="orderId">The web order.</param>
    /// <param name="warehouseId">The warehouse the goods leave from (any warehouse; a Virtual one books no transaction).</param>
    /// <returns>The Sales (30) <c>warehousetransactionid</c>, or <see langword="null"/> when nothing was left to deliver.</returns>
    /// <exception cref="ArgumentException">The order or the warehouse does not exist.</exception>
    public long? ShipWebOrderFrom(long orderId, int warehouseId)
    {
        lock (_gate)
        {
            var order = FindOrder(orderId) ?? throw new ArgumentException($"No order {orderId}.", nameof(orderId));
            _ = FindWarehouse(warehouseId) ?? throw new ArgumentException($"No warehouse {warehouseId}.", nameof(warehouseId));
            return DeliverRestAndClose(order, warehouseId);
        }
    }

    /// <summary>Cancels an order (Sitoo orders are never deleted); its reservations end.</summary>
    public void CancelOrder(long orderId)
    {
        lock (_gate)
        {
            SetOrderState(FindOrder(orderId) ?? throw new ArgumentException($"No order {orderId}.", nameof(orderId)), OrderCancelled);
        }
    }

    /// <summary>The stock of a SKU in a warehouse (zero when the SKU was never stocked there).</summary>
    public SitooStockLevel GetStock(int warehouseId, string sku)
    {
        lock (_gate)
        {
            var warehouse = FindWarehouse(warehouseId) ?? throw new ArgumentException($"No warehouse {warehouseId}.", nameof(warehouseId));
            var total = warehouse.Items.TryGetValue(sku, out var stock) ? stock.Total : 0;
            var reserved = Reserved(warehouseId, sku);
            return new SitooStockLevel(total, reserved, total - reserved);
        }
    }

    /// <summary>Every stock movement so far, oldest first, optionally of one warehouse.</summary>
    public IReadOnlyList<SitooStockMovement> GetStockMovements(int? warehouseId = null)
    {
        lock (_gate)
        {
            return [.. _transactions
                .Where(t => warehouseId is null || t.WarehouseId == warehouseId)
                .SelectMany(t => t.Lines.Select(l => new SitooStockMovement(t.WarehouseTransactionId, t.WarehouseId, t.TransactionType, l.Sku, l.Quantity, l.TotalAfter, t.OrderDeliveryId)))];
        }
    }

    /// <summary>
    /// Makes the transaction list answer one transaction in another shape, as a real account sometimes sends it (an
    /// item without its SKU, a field of the wrong type, PHP's <c>[]</c> for an empty map): <paramref name="reshape"/>
    /// edits its JSON in every list answer from now on. The stock it moved stays booked as before.
    /// </summary>
    /// <param name="warehouseTransactionId">The transaction.</param>
    /// <param name="reshape">Edits the transaction's JSON in place.</param>
    public void ReshapeWarehouseTransaction(long warehouseTransactionId, Action<JsonObject> reshape)
    {
        ArgumentNullException.ThrowIfNull(reshape);
        lock (_gate)
        {
            _transactionReshapes[warehouseTransactionId] = reshape;
        }
    }

    /// <summary>
    /// Makes the order list (<c>GET orders.json</c>) answer one order in another shape, as a real account sometimes
    /// sends it: <paramref name="reshape"/> edits its JSON in every list answer from now on. The order itself is unchanged.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="reshape">Edits the order's JSON in place.</param>
    public void ReshapeListedOrder(long orderId, Action<JsonObject> reshape)
    {
        ArgumentNullException.ThrowIfNull(reshape);
        lock (_gate)
        {
            _orderReshapes[orderId] = reshape;
        }
    }

    /// <summary>An order as <c>GET orders/{orderid}.json</c> returns it, or <see langword="null"/> when there is none.</summary>
    public JsonObject? GetOrderSnapshot(long orderId)
    {
        lock (_gate)
        {
            return FindOrder(orderId)?.ToJson();
        }
    }

    /// <summary>The orders whose <c>externalid</c> is <paramref name="externalId"/> (more than one only if duplicates are allowed).</summary>
    public IReadOnlyList<long> FindOrdersByExternalId(string externalId)
    {
        lock (_gate)
        {
            return [.. _orders.Where(o => o.ExternalId == externalId).Select(o => o.OrderId)];
        }
    }

    /// <summary>The <c>userid</c> of the user with this email (case-insensitive), or <see langword="null"/>.</summary>
    public string? FindUserId(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        lock (_gate)
        {
            return SitooWire.Text(FindUserByEmail(email)?["userid"]);
        }
    }

    private WarehouseEntity NewWarehouse(string name, SitooWarehouseKind kind, int? storeId, string? externalId)
    {
        var warehouse = new WarehouseEntity(_warehouses.Count + 1, kind, storeId, name, externalId, Sitoo.CurrencyCode);
        _warehouses.Add(warehouse);
        return warehouse;
    }

    private WarehouseEntity FifoWarehouse(int warehouseId)
    {
        var warehouse = FindWarehouse(warehouseId) ?? throw new ArgumentException($"No warehouse {warehouseId}.", nameof(warehouseId));
        return warehouse.Kind == SitooWarehouseKind.Fifo
            ? warehouse
            : throw new InvalidOperationException("Transactions cannot be added to warehouses with warehousetype Virtual (20).");
    }

    private SitooPosReceipt RingUp(
        SimulatedSitooStore store, JsonArray items, JsonObject? customer, long? creditOrderId, string? reasonCode, SitooRefundTender tender, IReadOnlyList<SitooTender> tenders)
    {
        var register = _registers.Find(r => r.RegisterId == store.RegisterId) ?? throw new ArgumentException("The store is not one of this simulator's.", nameof(store));
        var storeEntity = _stores.Find(s => s.StoreId == store.StoreId)!;
        register.ReceiptCount++;
        var receiptNumber = 10000 + register.ReceiptCount;
        var receiptId = register.RegisterKey + receiptNumber.ToString(CultureInfo.InvariantCulture);
        var additional = new JsonObject { ["pos-receiptid"] = receiptId, ["store-name"] = storeEntity.Name };
        if (storeEntity.ExternalId is not null)
        {
            additional["store-externalid"] = storeEntity.ExternalId;
        }
        if (creditOrderId is { } original)
        {
            additional["pos-originalsales-orderid"] = original.ToString(CultureInfo.InvariantCulture);
            if (reasonCode is not null)
            {
                additional["refundreasoncode-reasoncode"] = reasonCode;
            }
        }
        var write = new JsonObject
        {
            ["ordertypeid"] = 10,
            ["creditorderid"] = creditOrderId,
            ["email"] = SitooWire.Text(customer?["email"]) ?? "",
            ["namefirst"] = SitooWire.Text(customer?["namefirst"]) ?? "",
            ["namelast"] = SitooWire.Text(customer?["namelast"]) ?? "",
            ["orderstateid"] = OrderClosed,
            ["paymentstateid"] = 20,
            ["registerid"] = register.RegisterId,
            ["warehouseid"] = register.WarehouseId,
            ["checkouttypename"] = "Sitoo POS - Card",
            ["additionaldata"] = additional,
            ["orderitems"] = items,
        };
        var order = CreateOrder(write);
        var total = SitooWire.DecimalOr(order.Body["moneytotal_gross_all"], 0);
        foreach (var part in tenders)
        {
            ((JsonArray)order.Body["payments"]!).Add(Payment(new JsonObject { ["name"] = part.Name, ["moneyamount"] = SitooWire.Money(part.Amount) }));
        }
        total -= tenders.Sum(part => part.Amount);
        ((JsonArray)order.Body["payments"]!).Add(Payment(tender switch
        {
            SitooRefundTender.Cash => new JsonObject { ["name"] = "Cash", ["moneyamount"] = SitooWire.Money(total) },
            // A refund to the sale's own payment refers to it by index (Sitoo's pos-originalsales-payment-index).
            SitooRefundTender.OriginalPayment => new JsonObject
            {
                ["name"] = "Original payment",
                ["moneyamount"] = SitooWire.Money(total),
                ["additionaldata"] = new JsonObject { ["pos-originalsales-payment-index"] = "0" },
            },
            _ => new JsonObject { ["name"] = "Card", ["moneyamount"] = SitooWire.Money(total), ["reftype"] = "simulator" },
        }));
        AddLog(order, 999, $"Register 1 ({register.RegisterKey})\nReceipt #{receiptNumber}\nStaff", null);
        var (delivery, _) = DeliverOrder(order, new JsonObject { ["warehouseid"] = register.WarehouseId, ["orderdeliveryitems"] = RemainingItems(order) }, ignoreStock: false);
        var deliveryId = SitooWire.Long(delivery!["orderdeliveryid"])!.Value;
        return new SitooPosReceipt(order.OrderId, receiptId, deliveryId, _transactions.Last(t => t.OrderDeliveryId == deliveryId).WarehouseTransactionId);
    }

    // Delivers every unit not yet delivered from the warehouse, then closes the order; the sale's id, if one was booked.
    private long? DeliverRestAndClose(OrderEntity order, int warehouseId)
    {
        var before = _transactions.Count;
        var remaining = RemainingItems(order);
        if (remaining.Count > 0)
        {
            DeliverOrder(order, new JsonObject { ["warehouseid"] = warehouseId, ["orderdeliveryitems"] = remaining }, ignoreStock: false);
        }
        SetOrderState(order, OrderClosed);
        return _transactions.Count > before ? _transactions[^1].WarehouseTransactionId : null;
    }

    private static JsonArray RemainingItems(OrderEntity order) =>
        new([.. order.Items
            .Select(i => (Id: SitooWire.Long(i["orderitemid"]) ?? 0, Left: SitooWire.DecimalOr(i["quantity"], 0) - order.Delivered(SitooWire.Long(i["orderitemid"]) ?? 0)))
            .Where(i => i.Left != 0)
            .Select(i => (JsonNode)new JsonObject { ["orderitemid"] = i.Id, ["quantity"] = (long)i.Left })]);

    private void SetOrderState(OrderEntity order, int state)
    {
        if (order.State == state)
        {
            return;
        }
        order.Body["orderstateid"] = state;
        RaiseOrderEvent(order, "update", StateName(state));
    }
}
