using System.Text.Json.Nodes;

namespace Connectors.Testing.Sitoo;

public sealed partial class SitooSimulator
{
    // Default order fields (Sitoo REST API v2.8 docs; the recorded list example also carries eshopid, currencycode and additionaldata).
    private static readonly string[] _defaultOrderFields =
    [
        "orderid", "eshopid", "email", "namefirst", "namelast", "company", "moneyfinal_net", "moneyfinal_vat",
        "moneytotal_gross_roundoff", "moneytotal_gross_all", "checkouttypename", "deliverytypename", "orderdate",
        "orderstateid", "paymentstateid", "ordertypeid", "registerid", "warehouseid", "datereserved", "currencycode",
        "additionaldata", "orderitems", "payments",
    ];

    private static readonly string[] _orderTextFields =
    [
        "email", "namefirst", "namelast", "personalid", "company", "phone",
        "invoice_address", "invoice_address2", "invoice_zip", "invoice_city", "invoice_state", "invoice_countryid",
        "delivery_address", "delivery_address2", "delivery_zip", "delivery_city", "delivery_state", "delivery_countryid",
        "comment", "commentinternal", "customerref", "checkoutref",
    ];

    private static readonly HashSet<string> _fixedOrderFields = new(StringComparer.Ordinal)
    {
        "orderid", "eshopid", "orderitems", "payments", "reservedpayments", "orderlogitems",
    };

    private const int OrderOpen = 0;
    private const int OrderClosed = 10;
    private const int OrderCancelled = 20;

    private readonly List<OrderEntity> _orders = [];
    private readonly Dictionary<long, Action<JsonObject>> _orderReshapes = [];
    private long _nextOrderId = 1001;
    private long _nextDeliveryId = 1;
    private long _nextDeliveryItemId = 1;

    // An order as the list answers it: its JSON, edited by a reshape the scenario asked for.
    private JsonObject ListedOrder(OrderEntity order)
    {
        var json = order.ToJson();
        if (_orderReshapes.TryGetValue(order.OrderId, out var reshape))
        {
            reshape(json);
        }
        return json;
    }

    private HttpResponseMessage GetOrders(RouteContext context)
    {
        var query = context.Query;
        var eshops = query.LongList("eshopid");
        var externalIds = query.List("externalid");
        var orderIds = query.LongList("orderid");
        var idFrom = query.Long("orderidfrom");
        var idTo = query.Long("orderidto");
        var dateFrom = query.Long("orderdatefrom");
        var dateTo = query.Long("orderdateto");
        var states = query.LongList("orderstate");
        var paymentStates = query.LongList("paymentstate");
        var types = query.LongList("ordertype");
        var email = query.Text("email");
        var receiptId = query.Text("receiptid");
        var creditOrderId = query.Long("creditorderid");
        var warehouseId = query.Long("warehouseid");
        var matches = _orders.Where(o =>
            (eshops is null || eshops.Contains(Sitoo.EshopId))
            && (externalIds is null || (o.ExternalId is { } ext && externalIds.Contains(ext)))
            && (orderIds is null || orderIds.Contains(o.OrderId))
            && (idFrom is null || o.OrderId >= idFrom)
            && (idTo is null || o.OrderId < idTo)
            && (dateFrom is null || SitooWire.Long(o.Body["orderdate"]) >= dateFrom)
            && (dateTo is null || SitooWire.Long(o.Body["orderdate"]) < dateTo)
            && (states is null || states.Contains(o.State))
            && (paymentStates is null || paymentStates.Contains(SitooWire.Long(o.Body["paymentstateid"]) ?? 0))
            && (types is null || types.Contains(SitooWire.Long(o.Body["ordertypeid"]) ?? 0))
            && (email is null || string.Equals(SitooWire.Text(o.Body["email"]), email, StringComparison.OrdinalIgnoreCase))
            && (receiptId is null || SitooWire.Text(o.Body["additionaldata"]?["pos-receiptid"]) == receiptId)
            && (creditOrderId is null || SitooWire.Long(o.Body["creditorderid"]) == creditOrderId)
            && (warehouseId is null || o.WarehouseId == warehouseId));
        if (!query.TrySort(matches, "orderid", o => o.OrderId, out var sorted))
        {
            return BadRequest("sort supports only orderid or -orderid");
        }
        return SitooWire.Json(query.Page(sorted, ListedOrder, _defaultOrderFields));
    }

    private HttpResponseMessage GetOrder(long orderId) =>
        FindOrder(orderId) is { } order ? SitooWire.Json(order.ToJson()) : NotFound($"Order {orderId}");

    private HttpResponseMessage AddOrder(RouteContext context)
    {
        if (context.Body is not JsonObject write)
        {
            return BadRequest("The request body must be a JSON object");
        }
        if (ValidateNewOrder(write) is { } problem)
        {
            return problem;
        }
        return SitooWire.Json(CreateOrder(write).OrderId);
    }

    private HttpResponseMessage UpdateOrder(RouteContext context)
    {
        if (FindOrder(context.Long(1)) is not { } order)
        {
            return NotFound($"Order {context.Ids[1]}");
        }
        if (context.Body is not JsonObject write)
        {
            return BadRequest("The request body must be a JSON object");
        }
        if (SitooWire.Text(write["externalid"]) is { } externalId && Sitoo.RejectDuplicateExternalIds
            && _orders.Exists(o => o != order && o.ExternalId == externalId))
        {
            return BadRequest($"externalid {externalId} is already used by another order");
        }
        var previousState = order.State;
        foreach (var (name, value) in write)
        {
            if (!_fixedOrderFields.Contains(name))
            {
                order.Body[name] = value?.DeepClone();
            }
        }
        if (order.State != previousState)
        {
            RaiseOrderEvent(order, "update", StateName(order.State));
        }
        return SitooWire.Json(true);
    }

    private HttpResponseMessage GetOrderDeliveries(RouteContext context) =>
        FindOrder(context.Long(1)) is { } order
            ? SitooWire.Json(context.Query.Page(order.Deliveries.Select(d => (JsonObject)d.DeepClone())))
            : NotFound($"Order {context.Ids[1]}");

    private HttpResponseMessage AddOrderDelivery(RouteContext context)
    {
        if (FindOrder(context.Long(1)) is not { } order)
        {
            return NotFound($"Order {context.Ids[1]}");
        }
        if (context.Body is not JsonObject write)
        {
            return BadRequest("The request body must be a JSON object");
        }
        var (delivery, error) = DeliverOrder(order, write, context.Query.Flag("ignorestock"));
        return delivery is null ? BadRequest(error!) : SitooWire.Json(SitooWire.Long(delivery["orderdeliveryid"]));
    }

    private HttpResponseMessage GetOrderLogItems(RouteContext context) =>
        FindOrder(context.Long(1)) is { } order
            ? SitooWire.Json(context.Query.Page(order.LogItems.Select(l => (JsonObject)l.DeepClone())))
            : NotFound($"Order {context.Ids[1]}");

    private HttpResponseMessage AddOrderLogItem(RouteContext context)
    {
        if (FindOrder(context.Long(1)) is not { } order)
        {
            return NotFound($"Order {context.Ids[1]}");
        }
        var type = SitooWire.Long(context.Body?["orderlogtypeid"]);
        var eventType = type switch
        {
            900 => "ready-for-pickup",
            910 => "pickup-rejected",
            _ => null,
        };
        if (eventType is null)
        {
            return BadRequest("orderlogtypeid must be 900 (ReadyForPickup) or 910 (PickupRejected)");
        }
        AddLog(order, (int)type!, SitooWire.Text(context.Body?["strvalue"]), context.Body?["fvalue"]?.DeepClone());
        RaiseOrderEvent(order, eventType, null);
        return SitooWire.Json(true);
    }

    private OrderEntity? FindOrder(long orderId) => _orders.Find(o => o.OrderId == orderId);

    private HttpResponseMessage? ValidateNewOrder(JsonObject write)
    {
        if (SitooWire.Text(write["externalid"]) is { } externalId && Sitoo.RejectDuplicateExternalIds && _orders.Exists(o => o.ExternalId == externalId))
        {
            return BadRequest($"externalid {externalId} is already used by another order");
        }
        if (SitooWire.Long(write["creditorderid"]) is { } creditOrderId && FindOrder(creditOrderId) is null)
        {
            return BadRequest($"creditorderid {creditOrderId} does not refer to an existing order");
        }
        if (SitooWire.Long(write["warehouseid"]) is { } warehouseId && FindWarehouse(warehouseId) is null)
        {
            return BadRequest($"warehouseid {warehouseId} does not refer to an existing warehouse");
        }
        return null;
    }

    /// <summary>Creates an order from its write shape: money is derived the way Sitoo derives it from gross row prices.</summary>
    private OrderEntity CreateOrder(JsonObject write)
    {
        var orderId = _nextOrderId++;
        var items = new JsonArray();
        decimal net = 0, vat = 0;
        foreach (var (writeItem, index) in (write["orderitems"] as JsonArray ?? []).OfType<JsonObject>().Select((item, index) => (item, index)))
        {
            var item = OrderItem(writeItem, index);
            net += SitooWire.DecimalOr(item["moneyitemtotal_net"], 0);
            vat += SitooWire.DecimalOr(item["moneyitemtotal_vat"], 0);
            items.Add(item);
        }
        var body = new JsonObject
        {
            ["orderid"] = orderId,
            ["eshopid"] = Sitoo.EshopId,
            ["externalid"] = SitooWire.Text(write["externalid"]),
            ["creditorderid"] = SitooWire.Long(write["creditorderid"]),
            ["checkouttypeid"] = 0,
            ["deliverytypeid"] = 0,
        };
        foreach (var field in _orderTextFields)
        {
            body[field] = SitooWire.Text(write[field]) ?? "";
        }
        body["moneytotal_net"] = SitooWire.Money(net);
        body["moneytotal_vat"] = SitooWire.Money(vat);
        body["moneycheckout_net"] = SitooWire.Money(0);
        body["moneycheckout_vat"] = SitooWire.Money(0);
        body["moneytotal_gross_checkout"] = SitooWire.Money(0);
        body["moneydelivery_net"] = SitooWire.Money(0);
        body["moneydelivery_vat"] = SitooWire.Money(0);
        body["moneytotal_gross_delivery"] = SitooWire.Money(0);
        body["moneyfinal_net"] = SitooWire.Money(net);
        body["moneyfinal_vat"] = SitooWire.Money(vat);
        body["moneyfinal_salestax"] = SitooWire.Money(0);
        var roundOff = RoundOff(write, net + vat);
        body["moneytotal_gross_roundoff"] = SitooWire.Money(roundOff);
        body["moneytotal_gross_all"] = SitooWire.Money(net + vat + roundOff);
        body["checkouttypename"] = SitooWire.Text(write["checkouttypename"]) ?? "";
        body["checkoutmethodid"] = 0;
        body["checkoutmethodsubid"] = 0;
        body["deliverytypename"] = "";
        body["orderdate"] = SitooWire.Long(write["orderdate"]) ?? SitooWire.Unix(Now);
        body["orderstateid"] = SitooWire.Long(write["orderstateid"]) ?? OrderOpen;
        body["paymentstateid"] = SitooWire.Long(write["paymentstateid"]) ?? 0;
        body["ordertypeid"] = SitooWire.Long(write["ordertypeid"]) ?? 10;
        body["userid_staff"] = null;
        body["registerid"] = SitooWire.Text(write["registerid"]);
        body["warehouseid"] = SitooWire.Long(write["warehouseid"]);
        body["datereserved"] = SitooWire.Long(write["datereserved"]);
        body["currencycode"] = SitooWire.Text(write["currencycode"]) ?? Sitoo.CurrencyCode;
        body["additionaldata"] = write["additionaldata"]?.DeepClone() ?? new JsonObject();
        body["orderitems"] = items;
        body["payments"] = new JsonArray([.. (write["payments"] as JsonArray ?? []).OfType<JsonObject>().Select(Payment)]);

        var order = new OrderEntity(orderId, body);
        _orders.Add(order);
        AddLog(order, 0, null, null);
        RaiseOrderEvent(order, "add", order.State == OrderOpen ? null : StateName(order.State));
        return order;
    }

    /// <summary>
    /// The cash rounding of a written order. Inferred: the order write has no <c>moneytotal_gross_roundoff</c> (it is
    /// read-only in <c>OrderWrite</c>), so the simulator takes it as what the payments cover beyond the rows
    /// (Σ payments − Σ item rows; the delivery money of a write is always 0), as a POS receipt's round-off is the
    /// cash paid beyond its rows. Without payments there is nothing to derive it from, and it stays 0.
    /// </summary>
    private static decimal RoundOff(JsonObject write, decimal rows)
    {
        var payments = (write["payments"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return payments.Count == 0 ? 0 : payments.Sum(payment => SitooWire.DecimalOr(payment["moneyamount"], 0)) - rows;
    }

    private JsonObject OrderItem(JsonObject write, int index)
    {
        var quantity = SitooWire.Long(write["quantity"]) ?? 0;
        var units = Math.Abs(quantity);

        // Sitoo money is signed: a return row is negative through its quantity, and a sold row with a negative price
        // (a discount product carrying a promotion) stays negative, so the order adds up to what was paid.
        var sign = quantity > 0 && SitooWire.DecimalOr(write["moneyrowprice"], 0) < 0 ? -1 : Math.Sign(quantity);
        var unitSign = sign * Math.Sign(quantity);
        var vatValue = SitooWire.DecimalOr(write["vatvalue"], 0);
        var factor = 1 + vatValue / 100;
        var rowGross = Math.Abs(SitooWire.DecimalOr(write["moneyrowprice"], 0));
        var rowDiscount = Math.Abs(SitooWire.DecimalOr(write["moneyrowdiscount"], 0));
        var originalUnitNet = units == 0 ? 0 : Round(rowGross / units / factor);
        var rowNet = Round((rowGross - rowDiscount) / factor);
        var rowVat = Round(rowGross - rowDiscount) - rowNet;
        var discountedUnitNet = rowDiscount == 0 || units == 0 ? 0 : Round(rowNet / units);
        var unitNet = rowDiscount == 0 ? originalUnitNet : discountedUnitNet;
        var additional = write["additionaldata"]?.DeepClone() as JsonObject ?? [];
        if (rowDiscount != 0)
        {
            additional["orderitem-moneyrowdiscount"] = SitooWire.Money(rowDiscount);
        }
        var sku = SitooWire.Text(write["sku"]);
        return new JsonObject
        {
            ["orderitemid"] = index,
            ["orderitemtype"] = SitooWire.Long(write["orderitemtype"]) ?? 10,
            ["productid"] = sku is null ? null : SitooWire.Long(FindProductBySku(sku)?["productid"]),
            ["productname"] = SitooWire.Text(write["productname"]) ?? "",
            ["sku"] = sku,
            ["productattributes"] = SitooWire.Text(write["productattributes"]) ?? "",
            ["externalinput"] = SitooWire.Text(write["externalinput"]) ?? "",
            ["externalinputtitle"] = SitooWire.Text(write["externalinputtitle"]) ?? "",
            ["unitlabel"] = SitooWire.Text(write["unitlabel"]) ?? "",
            ["quantity"] = quantity,
            ["decimalunitquantity"] = SitooWire.Text(write["decimalunitquantity"]),
            ["moneynetpriceperunit"] = SitooWire.Money(unitSign * unitNet),
            ["moneypriceorg"] = SitooWire.Money(SitooWire.DecimalOr(write["moneypriceorg"], 0)),
            ["vatvalue"] = vatValue,
            ["deliveryinfo"] = SitooWire.Text(write["deliveryinfo"]) ?? "",
            ["moneyitemtotal_net"] = SitooWire.Money(sign * rowNet),
            ["moneyitemtotal_vat"] = SitooWire.Money(sign * rowVat),
            ["voucherid"] = 0,
            ["vouchercode"] = SitooWire.Text(write["vouchercode"]) ?? "",
            ["vouchername"] = SitooWire.Text(write["vouchername"]) ?? "",
            ["moneyoriginalprice"] = SitooWire.Money(unitSign * originalUnitNet),
            ["moneydiscountedprice"] = SitooWire.Money(unitSign * discountedUnitNet),
            ["moneydiscount"] = SitooWire.Money(rowDiscount == 0 ? 0 : unitSign * (originalUnitNet - discountedUnitNet)),
            ["salestaxes"] = new JsonArray(),
            ["additionaldata"] = additional,
            ["decimalquantitytotal"] = SitooWire.Quantity(quantity),
            ["moneynetpriceperquantity"] = SitooWire.Money(unitSign * unitNet),
        };
    }

    private static JsonNode Payment(JsonObject write) => new JsonObject
    {
        ["name"] = SitooWire.Text(write["name"]) ?? "",
        ["moneyamount"] = SitooWire.Money(SitooWire.DecimalOr(write["moneyamount"], 0)),
        ["externalid"] = SitooWire.Text(write["externalid"]) ?? "",
        ["reftype"] = SitooWire.Text(write["reftype"]) ?? "",
        ["refid"] = SitooWire.Text(write["refid"]) ?? "",
        ["cardissuer"] = SitooWire.Text(write["cardissuer"]) ?? "",
        ["additionaldata"] = write["additionaldata"]?.DeepClone() ?? new JsonObject(),
    };

    /// <summary>
    /// Records a delivery of order items from a warehouse. Unless stock is ignored, delivered sales leave the
    /// warehouse as a Sales (30) transaction and delivered returns (negative quantities) come back as Refund (40).
    /// </summary>
    private (JsonObject? Delivery, string? Error) DeliverOrder(OrderEntity order, JsonObject write, bool ignoreStock)
    {
        if (SitooWire.Long(write["warehouseid"]) is not { } warehouseId || FindWarehouse(warehouseId) is not { } warehouse)
        {
            return (null, "warehouseid does not refer to an existing warehouse");
        }
        var deliveryId = _nextDeliveryId++;
        var deliveryItems = new JsonArray();
        var movements = new List<(string Sku, decimal Quantity)>();
        foreach (var line in (write["orderdeliveryitems"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var orderItemId = SitooWire.Long(line["orderitemid"]) ?? -1;
            var item = order.Items.FirstOrDefault(i => SitooWire.Long(i["orderitemid"]) == orderItemId);
            if (item is null)
            {
                return (null, $"orderitemid {orderItemId} is not an item of order {order.OrderId}");
            }
            var ordered = SitooWire.DecimalOr(item["quantity"], 0);
            var quantity = SitooWire.DecimalOr(line["quantity"], 0);
            if (quantity == 0 || Math.Sign(quantity) != Math.Sign(ordered) || Math.Abs(order.Delivered(orderItemId) + quantity) > Math.Abs(ordered))
            {
                return (null, $"quantity {quantity} of orderitemid {orderItemId} is more than is left to deliver");
            }
            deliveryItems.Add(new JsonObject
            {
                ["orderdeliveryitemid"] = _nextDeliveryItemId++,
                ["orderdeliveryid"] = deliveryId,
                ["orderitemid"] = orderItemId,
                ["quantity"] = (long)quantity,
            });
            if (SitooWire.Text(item["sku"]) is { } sku)
            {
                movements.Add((sku, quantity));
            }
        }
        var delivery = new JsonObject
        {
            ["orderdeliveryid"] = deliveryId,
            ["orderid"] = order.OrderId,
            ["warehouseid"] = warehouseId,
            ["orderdeliveryref"] = SitooWire.Text(write["orderdeliveryref"]) ?? "",
            ["datedelivery"] = SitooWire.Unix(Now),
            ["datecancelled"] = null,
            ["pluginname"] = "",
            ["orderdeliveryitems"] = deliveryItems,
        };
        order.Deliveries.Add(delivery);
        RaiseEvent("order-delivery", new JsonObject
        {
            ["eshop_id"] = Sitoo.EshopId,
            ["order_id"] = order.OrderId,
            ["order_delivery_id"] = deliveryId,
            ["warehouse_id"] = warehouseId,
            ["order_delivery_event_type"] = "add",
        });

        ignoreStock |= SitooWire.Text(order.Body["additionaldata"]?["delivery-ignore-stock"]) == "true";
        if (!ignoreStock)
        {
            MoveDeliveredStock(warehouse, deliveryId, movements);
        }
        return (delivery, null);
    }

    private void MoveDeliveredStock(WarehouseEntity warehouse, long deliveryId, List<(string Sku, decimal Quantity)> movements)
    {
        if (warehouse.Kind == SitooWarehouseKind.Virtual)
        {
            // Virtual warehouses keep no transactions; their level simply follows.
            foreach (var (sku, quantity) in movements)
            {
                var stock = StockOf(warehouse, sku);
                stock.Total -= quantity;
                stock.LastModified = Now;
            }
            return;
        }
        var sold = movements.Where(m => m.Quantity > 0).Select(m => (m.Sku, -m.Quantity, 0m)).ToList();
        var returned = movements.Where(m => m.Quantity < 0).Select(m => (m.Sku, -m.Quantity, 0m)).ToList();
        if (sold.Count > 0)
        {
            ApplyTransaction(warehouse, Sales, sold, "", deliveryId, null, null);
        }
        if (returned.Count > 0)
        {
            ApplyTransaction(warehouse, Refund, returned, "", deliveryId, null, null);
        }
    }

    private void AddLog(OrderEntity order, int type, string? text, JsonNode? value) => order.LogItems.Add(new JsonObject
    {
        ["datelog"] = SitooWire.Unix(Now),
        ["orderid"] = order.OrderId,
        ["orderlogtypeid"] = type,
        ["strvalue"] = text,
        ["fvalue"] = value,
    });

    private void RaiseOrderEvent(OrderEntity order, string eventType, string? stateChanged)
    {
        var data = new JsonObject
        {
            ["eshop_id"] = Sitoo.EshopId,
            ["order_id"] = order.OrderId,
            ["warehouse_id"] = order.WarehouseId,
            ["order_event_type"] = eventType,
        };
        if (stateChanged is not null)
        {
            data["order_state_changed"] = stateChanged;
        }
        RaiseEvent("order", data);
    }

    private static string StateName(int state) => state switch
    {
        OrderClosed => "closed",
        OrderCancelled => "cancelled",
        _ => "open",
    };

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
