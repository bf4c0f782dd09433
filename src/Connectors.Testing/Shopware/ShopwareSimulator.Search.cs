using System.Text.Json.Nodes;

namespace Connectors.Testing.Shopware;

public sealed partial class ShopwareSimulator
{
    // Associations the DAL loads only when the criteria asks for them; the rest of an entity is always present.
    private static readonly Dictionary<string, string[]> _associations = new(StringComparer.Ordinal)
    {
        ["product"] = ["options"],
        ["customer"] = ["addresses", "defaultBillingAddress", "defaultShippingAddress"],
        ["order"] = ["lineItems", "orderCustomer", "transactions", "deliveries", "currency", "billingAddress"],
        ["state_machine_state"] = [],
        ["order_transaction_capture_refund"] = [],
        ["webhook"] = [],
        ["tax"] = [],
    };

    /// <summary>
    /// Runs before each search is answered, with the entity searched: a test changes data here to play a customer or
    /// a clerk acting between two pages of a scan.
    /// </summary>
    public Action<string>? BeforeSearch { get; set; }

    private HttpResponseMessage Search(string entity, JsonObject body, bool jsonApi, Uri requestUri, bool idsOnly)
    {
        BeforeSearch?.Invoke(entity);
        // Shopware checks the read privilege of the searched entity before it runs the query.
        if (ShopOptions.MissingPrivileges.Contains(entity + ":read"))
        {
            throw new ShopwareRejection(ShopwareErrors.MissingPrivilege(entity + ":read"));
        }
        var criteria = ShopwareCriteria.Parse(body, entity, ShopOptions.MaxLimit);
        lock (Gate)
        {
            var table = Table(entity) ?? throw new ShopwareRejection(ShopwareErrors.RouteNotFound(HttpMethod.Post, requestUri.AbsolutePath));
            var (page, total) = criteria.Apply(table.Values.Select(row => SearchView(entity, row)));
            if (idsOnly)
            {
                return Ok(new JsonObject { ["total"] = total, ["data"] = new JsonArray([.. page.Select(r => (JsonNode?)r["id"]!.GetValue<string>())]) });
            }
            var rows = page.Select(r => Render(entity, table[r["id"]!.GetValue<string>()], criteria.Associations)).ToList();
            foreach (var row in rows)
            {
                ShopwareCriteria.ApplyIncludes(row, criteria.Includes);
            }
            return jsonApi
                ? Ok(JsonApiList(entity, rows, total, criteria, requestUri), jsonApi: true)
                : Ok(new JsonObject { ["total"] = total, ["data"] = new JsonArray([.. rows]), ["aggregations"] = new JsonArray() });
        }
    }

    private HttpResponseMessage Detail(string entity, string id, bool jsonApi, Uri requestUri)
    {
        lock (Gate)
        {
            var table = Table(entity)!;
            if (!table.TryGetValue(id, out var row))
            {
                throw new ShopwareRejection(ShopwareErrors.NotFound(entity, id));
            }
            var all = new JsonObject(_associations[entity].Select(a => KeyValuePair.Create(a, (JsonNode?)new JsonObject())));
            var rendered = Render(entity, row, all);
            return jsonApi
                ? Ok(new JsonObject { ["data"] = JsonApiResource(entity, rendered, requestUri) }, jsonApi: true)
                : Ok(new JsonObject { ["data"] = rendered });
        }
    }

    private OrderedDictionary<string, JsonObject>? Table(string entity) => entity switch
    {
        "product" => _products,
        "order" => _orders,
        "customer" => _customers,
        "state_machine_state" => StateMachineStates(),
        "order_transaction_capture_refund" => CaptureRefundRows(),
        "webhook" => WebhookRows(),
        "tax" => TaxRows(),
        _ => null,
    };

    // Capture refunds live under their orders' captures; the entity search sees them all.
    private OrderedDictionary<string, JsonObject> CaptureRefundRows()
    {
        var rows = new OrderedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var refund in _orders.Values.SelectMany(Captures).SelectMany(capture => capture["refunds"]!.AsArray().OfType<JsonObject>()))
        {
            rows[refund["id"]!.GetValue<string>()] = refund;
        }
        return rows;
    }

    // The webhook entity as the Admin API lists it; app webhooks carry their app's id.
    private OrderedDictionary<string, JsonObject> WebhookRows()
    {
        var rows = new OrderedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var webhook in Webhooks.Webhooks)
        {
            rows[webhook.Id] = new JsonObject
            {
                ["id"] = webhook.Id,
                ["name"] = webhook.Name,
                ["eventName"] = webhook.EventName,
                ["url"] = webhook.Url.ToString(),
                ["onlyLiveVersion"] = false,
                ["errorCount"] = webhook.ErrorCount,
                ["active"] = webhook.Active,
                ["appId"] = webhook.AppSecret is null ? null : ShopwareWebhook.SimulatedAppId,
                ["apiAlias"] = "webhook",
            };
        }
        return rows;
    }

    // What filters and sorting see: the stored row with to-one associations a filter may walk into.
    private JsonObject SearchView(string entity, JsonObject row)
    {
        if (entity != "order")
        {
            return row;
        }
        var view = (JsonObject)row.DeepClone();
        if (view["orderCustomer"] is JsonObject orderCustomer
            && orderCustomer["customerId"]?.GetValue<string>() is { } customerId
            && _customers.TryGetValue(customerId, out var customer))
        {
            orderCustomer["customer"] = customer.DeepClone();
        }
        return view;
    }

    /// <summary>An entity as the Admin API returns it: unrequested associations are <see langword="null"/>.</summary>
    private JsonObject Render(string entity, JsonObject row, JsonObject? associations)
    {
        var rendered = (JsonObject)row.DeepClone();
        foreach (var name in _associations[entity])
        {
            if (associations?[name] is null)
            {
                rendered[name] = null;
            }
        }
        if (entity == "order" && rendered["orderCustomer"] is JsonObject orderCustomer)
        {
            var nested = associations?["orderCustomer"]?["associations"]?["customer"];
            var customerId = orderCustomer["customerId"]?.GetValue<string>();
            orderCustomer["customer"] = nested is not null && customerId is not null && _customers.TryGetValue(customerId, out var customer)
                ? Render("customer", customer, nested["associations"] as JsonObject)
                : null;
        }
        return rendered;
    }

    private static JsonObject JsonApiList(string entity, List<JsonObject> rows, int total, ShopwareCriteria criteria, Uri requestUri)
    {
        var self = new Uri(requestUri, requestUri.AbsolutePath).ToString();
        var links = new JsonObject { ["first"] = $"{self}?limit={criteria.Limit}&page=1" };
        if (criteria.Page > 1)
        {
            links["prev"] = $"{self}?limit={criteria.Limit}&page={criteria.Page - 1}";
        }
        if (total > criteria.Limit || (criteria.TotalCountMode == 1 && (long)criteria.Page * criteria.Limit < total))
        {
            links["next"] = $"{self}?limit={criteria.Limit}&page={criteria.Page + 1}";
        }
        links["self"] = self;
        return new JsonObject
        {
            ["data"] = new JsonArray([.. rows.Select(r => (JsonNode?)JsonApiResource(entity, r, requestUri))]),
            ["included"] = new JsonArray(),
            ["links"] = links,
            ["meta"] = new JsonObject { ["totalCountMode"] = criteria.TotalCountMode, ["total"] = total },
            ["aggregations"] = new JsonArray(),
        };
    }

    private static JsonObject JsonApiResource(string entity, JsonObject row, Uri requestUri)
    {
        var id = row["id"]?.GetValue<string>();
        var attributes = new JsonObject();
        foreach (var (name, value) in row)
        {
            if (name is not ("id" or "apiAlias" or "_uniqueIdentifier") && !_associations[entity].Contains(name))
            {
                attributes[name] = value?.DeepClone();
            }
        }
        return new JsonObject
        {
            ["id"] = id,
            ["type"] = entity,
            ["attributes"] = attributes,
            ["links"] = new JsonObject { ["self"] = new Uri(requestUri, $"/api/{entity.Replace('_', '-')}/{id}").ToString() },
            ["relationships"] = new JsonObject(),
            ["meta"] = null,
        };
    }
}
