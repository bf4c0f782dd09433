using System.Text.Json.Nodes;

namespace Connectors.Shopware;

/// <summary>How Shopware counts the total of a search.</summary>
public enum ShopwareTotalCountMode
{
    /// <summary>No count (Shopware's default): <c>total</c> is the row count of the returned page.</summary>
    None,

    /// <summary>Exact total (slower).</summary>
    Exact,

    /// <summary>Counts only far enough to know whether further pages exist.</summary>
    NextPages,
}

/// <summary>
/// Builder of a Shopware search request (filters, sorting, associations, includes, paging, total-count mode).
/// Not thread-safe; build one per call.
/// </summary>
public sealed class ShopwareCriteria
{
    private readonly List<ShopwareFilter> _filters = [];
    private readonly List<(string Field, bool Descending, bool Natural)> _sort = [];
    private readonly Dictionary<string, ShopwareCriteria> _associations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _includes = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    /// <summary>Page size, or <see langword="null"/> for the shop default (500). Checked against <see cref="ShopwareAdminApiOptions.MaxPageSize"/> when sent.</summary>
    public int? PageSize { get; private set; }

    /// <summary>1-based page, or <see langword="null"/> for the first.</summary>
    public int? PageNumber { get; private set; }

    /// <summary>How the total is counted.</summary>
    public ShopwareTotalCountMode? CountMode { get; private set; }

    /// <summary>
    /// Criteria for orders with what a connector needs: line items, <c>orderCustomer.customer</c> (to tell guests),
    /// transactions and deliveries with their states, and the order state.
    /// </summary>
    public static ShopwareCriteria ForOrderDetails()
        => new ShopwareCriteria()
            .Association("lineItems")
            .Association("orderCustomer.customer")
            .Association("currency")
            .Association("transactions.stateMachineState")
            .Association("transactions.paymentMethod")
            .Association("transactions.captures.stateMachineState")
            .Association("transactions.captures.refunds.stateMachineState")
            .Association("transactions.captures.refunds.positions")
            .Association("deliveries.stateMachineState")
            .Association("deliveries.shippingOrderAddress.country")
            .Association("billingAddress.country")
            .Association("stateMachineState");

    /// <summary>Whether a sort is set.</summary>
    public bool HasSort => _sort.Count > 0;

    /// <summary>Adds a filter; several filters must all match.</summary>
    public ShopwareCriteria Filter(ShopwareFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _filters.Add(filter);
        return this;
    }

    /// <summary>Adds a sort field.</summary>
    public ShopwareCriteria Sort(string field, bool descending = false, bool naturalSorting = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        _sort.Add((field, descending, naturalSorting));
        return this;
    }

    /// <summary>Loads an association (dotted paths such as <c>orderCustomer.customer</c> are allowed), optionally with its own criteria.</summary>
    public ShopwareCriteria Association(string name, Action<ShopwareCriteria>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? name : name[..dot];
        if (!_associations.TryGetValue(head, out var nested))
        {
            nested = new ShopwareCriteria();
            _associations[head] = nested;
        }

        if (dot < 0)
        {
            configure?.Invoke(nested);
        }
        else
        {
            nested.Association(name[(dot + 1)..], configure);
        }

        return this;
    }

    /// <summary>Returns only these fields for objects with the given <c>apiAlias</c> (e.g. <c>product</c>).</summary>
    public ShopwareCriteria Include(string apiAlias, params IEnumerable<string> fields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiAlias);
        ArgumentNullException.ThrowIfNull(fields);
        _includes[apiAlias] = [.. fields];
        return this;
    }

    /// <summary>Restricts the search to these ids.</summary>
    public ShopwareCriteria Ids(params IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        _ids.AddRange(ids);
        return this;
    }

    /// <summary>Sets the page size.</summary>
    public ShopwareCriteria Limit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        PageSize = limit;
        return this;
    }

    /// <summary>Sets the 1-based page.</summary>
    public ShopwareCriteria Page(int page)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        PageNumber = page;
        return this;
    }

    /// <summary>Sets how the total is counted.</summary>
    public ShopwareCriteria TotalCountMode(ShopwareTotalCountMode mode)
    {
        CountMode = mode;
        return this;
    }

    /// <summary>The criteria as sent to Shopware.</summary>
    public override string ToString() => ToJson().ToJsonString();

    internal ShopwareCriteria Clone()
    {
        var clone = new ShopwareCriteria { PageSize = PageSize, PageNumber = PageNumber, CountMode = CountMode };
        clone._filters.AddRange(_filters);
        clone._sort.AddRange(_sort);
        clone._ids.AddRange(_ids);
        foreach (var (name, nested) in _associations)
        {
            clone._associations[name] = nested.Clone();
        }

        foreach (var (alias, fields) in _includes)
        {
            clone._includes[alias] = fields;
        }

        return clone;
    }

    internal JsonObject ToJson()
    {
        var json = new JsonObject();
        if (_ids.Count > 0)
        {
            json["ids"] = new JsonArray([.. _ids.Select(id => (JsonNode?)JsonValue.Create(id))]);
        }

        if (PageNumber is { } page)
        {
            json["page"] = page;
        }

        if (PageSize is { } limit)
        {
            json["limit"] = limit;
        }

        if (_filters.Count > 0)
        {
            json["filter"] = new JsonArray([.. _filters.Select(f => (JsonNode?)f.ToJson())]);
        }

        if (_sort.Count > 0)
        {
            json["sort"] = new JsonArray([.. _sort.Select(s => (JsonNode?)new JsonObject
            {
                ["field"] = s.Field,
                ["order"] = s.Descending ? "DESC" : "ASC",
                ["naturalSorting"] = s.Natural,
            })]);
        }

        if (_associations.Count > 0)
        {
            var associations = new JsonObject();
            foreach (var (name, nested) in _associations)
            {
                associations[name] = nested.ToJson();
            }

            json["associations"] = associations;
        }

        if (_includes.Count > 0)
        {
            var includes = new JsonObject();
            foreach (var (alias, fields) in _includes)
            {
                includes[alias] = new JsonArray([.. fields.Select(f => (JsonNode?)JsonValue.Create(f))]);
            }

            json["includes"] = includes;
        }

        if (CountMode is { } mode)
        {
            json["total-count-mode"] = mode switch
            {
                ShopwareTotalCountMode.Exact => "exact",
                ShopwareTotalCountMode.NextPages => "next-pages",
                _ => "none",
            };
        }

        return json;
    }
}
