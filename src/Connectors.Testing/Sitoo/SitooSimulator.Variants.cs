using System.Net;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Sitoo;

public sealed partial class SitooSimulator
{
    // Price list 1 is the default list every account has; moneyprice on a product is its price there.
    private readonly List<JsonObject> _priceLists = [];
    private readonly Dictionary<(int PriceList, string Sku), string> _priceListItems = [];

    /// <summary>Adds a price list in a currency (<c>pricelists.json</c>), as staff do in Sitoo's back office.</summary>
    /// <returns>The new <c>pricelistid</c> (the default list is 1, so added lists start at 2).</returns>
    public int AddPriceList(string name, string currencyCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(currencyCode);
        lock (_gate)
        {
            var id = _priceLists.Count + 2;
            _priceLists.Add(new JsonObject
            {
                ["pricelistid"] = id, ["pricelistname"] = name, ["pricelistdescription"] = "", ["active"] = true,
                ["externalid"] = "", ["currencycode"] = currencyCode, ["tags"] = new JsonArray(),
            });
            return id;
        }
    }

    /// <summary>A product's price on a price list, or <see langword="null"/> when the list has none for the SKU.</summary>
    public decimal? PriceListPrice(int priceListId, string sku)
    {
        lock (_gate)
        {
            return _priceListItems.TryGetValue((priceListId, sku), out var money) ? decimal.Parse(money, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
    }

    /// <summary>Every product (variants included, inactive ones too), for assertions.</summary>
    public IReadOnlyList<JsonObject> ListProducts()
    {
        lock (_gate)
        {
            return [.. _products.Select(product => (JsonObject)product.DeepClone())];
        }
    }

    private HttpResponseMessage GetProductGroups(RouteContext context) => SitooWire.Json(context.Query.Page(_vatByGroup.Select(group => new JsonObject
    {
        ["vatid"] = group.Key, ["value"] = group.Value, ["productgrouptype"] = 10,
        ["productgroupname"] = $"VAT {group.Value}%", ["comment"] = "",
    })));

    private HttpResponseMessage GetPriceLists(RouteContext context) => SitooWire.Json(context.Query.Page(
        [new JsonObject { ["pricelistid"] = 1, ["pricelistname"] = "Default", ["pricelistdescription"] = "", ["active"] = true, ["externalid"] = "", ["currencycode"] = "", ["tags"] = new JsonArray() },
         .. _priceLists.Select(list => (JsonObject)list.DeepClone())]));

    // Items are keyed by sku or productid; each gets its own status, as Sitoo's batch writes answer.
    private HttpResponseMessage SetPriceListItems(RouteContext context)
    {
        var priceListId = context.Int(1);
        if (priceListId != 1 && !_priceLists.Exists(list => SitooWire.Long(list["pricelistid"]) == priceListId))
        {
            return NotFound($"Price list {priceListId}");
        }
        return Batch(context.Body, item =>
        {
            var product = SitooWire.Text(item["sku"]) is { } sku ? FindProductBySku(sku)
                : SitooWire.Long(item["productid"]) is { } id ? FindProduct(id) : null;
            if (product is null || SitooWire.Text(item["moneyprice"]) is not { } money)
            {
                return ItemError(HttpStatusCode.BadRequest, "sku or productid is missing or unknown, or moneyprice is missing");
            }
            if (priceListId == 1)
            {
                MergeProduct(product, new JsonObject { ["moneyprice"] = money });
            }
            _priceListItems[(priceListId, SitooWire.Text(product["sku"])!)] = money;
            return ItemOk(true);
        });
    }

    private HttpResponseMessage GetProductVariants(RouteContext context)
    {
        if (FindProduct(context.Int(1)) is not { } owner)
        {
            return NotFound($"Product {context.Int(1)}");
        }
        var members = VariantMembers(owner);
        var groups = members.SelectMany(member => member["variant"]!.AsArray().OfType<JsonObject>())
            .GroupBy(value => SitooWire.Text(value["name"]) ?? "", StringComparer.Ordinal)
            .Select(group => new JsonObject
            {
                ["name"] = group.Key,
                ["options"] = new JsonArray([.. group.Select(value => (JsonNode?)SitooWire.Text(value["value"])).DistinctBy(value => value!.ToString())]),
            })
            .ToList();
        return SitooWire.Json(new JsonObject
        {
            ["groups"] = new JsonArray([.. groups]),
            ["variants"] = new JsonArray([.. members.Select(member => (JsonNode?)new JsonObject
            {
                ["productid"] = member["productid"]!.DeepClone(),
                ["activepos"] = member["activepos"]!.DeepClone(),
                ["title"] = member["title"]!.DeepClone(),
                ["sku"] = member["sku"]!.DeepClone(),
                ["moneyprice"] = member["moneyprice"]!.DeepClone(),
                ["moneypriceorg"] = member["moneypriceorg"]!.DeepClone(),
                ["moneypricein"] = member["moneypricein"]!.DeepClone(),
                ["barcode"] = member["barcode"]?.DeepClone() ?? "",
                ["barcodealiases"] = member["barcodealiases"]?.DeepClone() ?? new JsonArray(),
                ["attributes"] = new JsonArray([.. member["variant"]!.AsArray().Select(value => (JsonNode?)SitooWire.Text(value?["value"]))]),
            })]),
        });
    }

    /// <summary>
    /// Replaces the whole variant set of a main variant: listed variants are updated (or added, with productid 0) and
    /// linked to the main variant; variants of the old set that are not listed are deleted, as Sitoo documents.
    /// </summary>
    private HttpResponseMessage SetProductVariants(RouteContext context)
    {
        if (FindProduct(context.Int(1)) is not { } owner)
        {
            return NotFound($"Product {context.Int(1)}");
        }
        if (context.Body?["groups"] is not JsonArray groups || context.Body["variants"] is not JsonArray variants)
        {
            return BadRequest("groups and variants are required");
        }
        var names = groups.Select(group => SitooWire.Text(group?["name"]) ?? "").ToList();
        var ownerId = SitooWire.Long(owner["productid"])!.Value;
        var kept = new HashSet<long> { ownerId };
        foreach (var variant in variants.OfType<JsonObject>())
        {
            var attributes = variant["attributes"] as JsonArray ?? [];
            if (attributes.Count != names.Count)
            {
                return BadRequest("Every variant needs one attribute per group");
            }
            var write = new JsonObject();
            foreach (var field in new[] { "sku", "title", "activepos", "moneyprice", "moneypriceorg", "moneypricein", "barcode", "barcodealiases" })
            {
                if (variant[field] is { } value)
                {
                    write[field] = value.DeepClone();
                }
            }
            write["variant"] = new JsonArray([.. names.Select((name, i) => (JsonNode?)new JsonObject { ["name"] = name, ["value"] = SitooWire.Text(attributes[i]) })]);
            write["variantparentid"] = ownerId;
            var productId = SitooWire.Long(variant["productid"]) ?? 0;
            if (productId == 0)
            {
                if (SitooWire.Text(write["sku"]) is not { Length: > 0 } sku || FindProductBySku(sku) is not null)
                {
                    return BadRequest("A new variant needs a SKU no other product has");
                }
                write["vatid"] = owner["vatid"]?.DeepClone();
                kept.Add(CreateProduct(write));
            }
            else if (FindProduct(productId) is { } existing)
            {
                MergeProduct(existing, write);
                kept.Add(productId);
            }
            else
            {
                return NotFound($"Product {productId}");
            }
        }
        _products.RemoveAll(product => SitooWire.Long(product["variantparentid"]) == ownerId && !kept.Contains(SitooWire.Long(product["productid"]) ?? 0));
        MergeProduct(owner, new JsonObject { ["variantparentid"] = ownerId });
        return SitooWire.Json(true);
    }

    private List<JsonObject> VariantMembers(JsonObject owner)
    {
        var ownerId = SitooWire.Long(owner["productid"]);
        return SitooWire.Long(owner["variantparentid"]) == ownerId
            ? _products.FindAll(product => SitooWire.Long(product["variantparentid"]) == ownerId)
            : [owner];
    }
}
