using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Sitoo;

public sealed partial class SitooSimulator
{
    // Sitoo's default product list fields leave out title, so clients must ask for it (developer.sitoo.com, products).
    private static readonly string[] _defaultProductFields =
    [
        "productid", "sku", "datemodified", "active", "activepos", "vatid", "manufacturerid", "stockcountenable",
        "stockallowbackorder", "barcode", "moneyprice", "moneyfinalprice",
    ];

    // Product groups (VAT classes); vatid 2 is the default group every system has.
    private static readonly Dictionary<int, decimal> _vatByGroup = new() { [1] = 0m, [2] = 25m, [3] = 12m, [4] = 6m };

    private static readonly HashSet<string> _readOnlyProductFields = new(StringComparer.Ordinal)
    {
        "productid", "moneyfinalprice", "vatvalue", "productgrouptype", "datecreated", "datemodified",
    };

    private static readonly HashSet<string> _writeOnlyUserFields = new(StringComparer.Ordinal) { "pin" };

    private readonly List<StoreEntity> _stores = [];
    private readonly List<RegisterEntity> _registers = [];
    private readonly List<JsonObject> _products = [];
    private readonly List<JsonObject> _users = [];

    private JsonObject SiteJson() => new()
    {
        ["siteid"] = "{25D9C5B8-51FC-5751-7FBE-37368C7E4EF0}",
        ["protocol"] = "https",
        ["server"] = "simulator.mysitoo.com",
        ["abspath"] = "/",
        ["siteurl"] = "https://simulator.mysitoo.com/",
        ["eshopid"] = Sitoo.EshopId,
    };

    private HttpResponseMessage GetSites() => SitooWire.Json(new JsonObject { ["totalcount"] = 1, ["items"] = new JsonArray(SiteJson()) });

    private HttpResponseMessage GetSite() => SitooWire.Json(SiteJson());

    private HttpResponseMessage GetStores(RouteContext context) =>
        SitooWire.Json(context.Query.Page(_stores.Select(s => s.ToJson(Sitoo.EshopId))));

    private HttpResponseMessage GetStore(int storeId) =>
        _stores.Find(s => s.StoreId == storeId) is { } store ? SitooWire.Json(store.ToJson(Sitoo.EshopId)) : NotFound($"Store {storeId}");

    private HttpResponseMessage GetCashRegisters(RouteContext context) =>
        SitooWire.Json(context.Query.Page(_registers.Select(r => r.ToJson())));

    private static HttpResponseMessage GetReasonCodes(RouteContext context) => SitooWire.Json(context.Query.Page(
    [
        new JsonObject { ["reasoncodeid"] = 1, ["type"] = 10, ["reasoncode"] = "101", ["name"] = "Reclaim" },
        new JsonObject { ["reasoncodeid"] = 2, ["type"] = 10, ["reasoncode"] = "102", ["name"] = "Stock correction" },
    ]));

    private HttpResponseMessage GetProducts(RouteContext context)
    {
        var query = context.Query;
        var skus = query.List("sku");
        var ids = query.LongList("productid");
        var modifiedAfter = query.Long("datelastmodified");
        var includeInactive = query.Flag("includeinactive");
        var matches = _products.Where(p =>
            (skus is null || skus.Contains(SitooWire.Text(p["sku"]) ?? ""))
            && (ids is null || ids.Contains(SitooWire.Long(p["productid"]) ?? 0))
            && (modifiedAfter is null || SitooWire.Long(p["datemodified"]) > modifiedAfter)
            && (includeInactive || IsActive(p)));
        return SitooWire.Json(query.Page(matches, _defaultProductFields));
    }

    private HttpResponseMessage GetProduct(int productId) =>
        FindProduct(productId) is { } product ? SitooWire.Json(product.DeepClone()) : NotFound($"Product {productId}");

    private HttpResponseMessage AddProducts(RouteContext context) =>
        Batch(context.Body, item =>
        {
            var sku = SitooWire.Text(item["sku"]);
            if (string.IsNullOrEmpty(sku))
            {
                return ItemError(HttpStatusCode.BadRequest, "sku is required");
            }
            if (FindProductBySku(sku) is not null)
            {
                return ItemError(HttpStatusCode.BadRequest, $"A product with sku {sku} already exists");
            }
            return ItemOk(CreateProduct(item));
        });

    private HttpResponseMessage UpdateProducts(RouteContext context) =>
        Batch(context.Body, item =>
        {
            if (SitooWire.Long(item["productid"]) is not { } productId || FindProduct(productId) is not { } product)
            {
                return ItemError(HttpStatusCode.NotFound, "productid is missing or unknown");
            }
            var sku = SitooWire.Text(item["sku"]);
            if (sku is not null && FindProductBySku(sku) is { } other && !ReferenceEquals(other, product))
            {
                return ItemError(HttpStatusCode.BadRequest, $"A product with sku {sku} already exists");
            }
            MergeProduct(product, item);
            return ItemOk(true);
        });

    private static bool IsActive(JsonObject product) =>
        product["active"]?.GetValueKind() != JsonValueKind.False || product["activepos"]?.GetValueKind() != JsonValueKind.False;

    private JsonObject? FindProduct(long productId) => _products.Find(p => SitooWire.Long(p["productid"]) == productId);

    private JsonObject? FindProductBySku(string sku) => _products.Find(p => SitooWire.Text(p["sku"]) == sku);

    private int CreateProduct(JsonObject write)
    {
        var productId = _products.Count == 0 ? 1 : (int)_products.Max(p => SitooWire.Long(p["productid"]) ?? 0) + 1;
        var now = SitooWire.Unix(Now);
        var product = new JsonObject
        {
            ["productid"] = productId,
            ["sku"] = null,
            ["title"] = "",
            ["skumanufacturer"] = "",
            ["descriptionshort"] = "",
            ["description"] = "",
            ["moneyprice"] = SitooWire.Money(0),
            ["moneypriceorg"] = SitooWire.Money(0),
            ["moneypricein"] = SitooWire.Money(0),
            ["moneyfinalprice"] = SitooWire.Money(0),
            ["unitlabel"] = "",
            ["allowdecimals"] = false,
            ["active"] = true,
            ["activepos"] = true,
            ["vatid"] = 2,
            ["vatvalue"] = 25,
            ["productgrouptype"] = 10,
            ["defaultcategoryid"] = null,
            ["categories"] = new JsonArray(),
            ["manufacturerid"] = null,
            ["stockcountenable"] = true,
            ["stockallowbackorder"] = false,
            ["variantparentid"] = null,
            ["barcode"] = null,
            ["barcodealiases"] = new JsonArray(),
            ["variant"] = new JsonArray(),
            ["datecreated"] = now,
            ["datemodified"] = now,
        };
        MergeProduct(product, write);
        _products.Add(product);
        return productId;
    }

    private void MergeProduct(JsonObject product, JsonObject write)
    {
        foreach (var (name, value) in write)
        {
            if (!_readOnlyProductFields.Contains(name))
            {
                product[name] = value?.DeepClone();
            }
        }
        var vatId = (int)(SitooWire.Long(product["vatid"]) ?? 2);
        product["vatvalue"] = _vatByGroup.TryGetValue(vatId, out var vat) ? vat : 25m;
        product["moneyfinalprice"] = product["moneyprice"]?.DeepClone();
        product["datemodified"] = SitooWire.Unix(Now);
    }

    private HttpResponseMessage GetUsers(RouteContext context)
    {
        var query = context.Query;
        var email = query.Text("email");
        var customerNumber = query.Text("customernumber");
        var personalId = query.Text("personalid");
        var mobile = query.Text("mobile");
        var ids = query.List("userid", StringComparer.OrdinalIgnoreCase);
        var matches = _users.Where(u =>
            (email is null || string.Equals(SitooWire.Text(u["email"]), email, Sitoo.CaseSensitiveUserSearch ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            && (customerNumber is null || SitooWire.Text(u["customernumber"]) == customerNumber)
            && (personalId is null || SitooWire.Text(u["personalid"]) == personalId)
            && (mobile is null || SitooWire.Text(u["mobile"]) == mobile)
            && (ids is null || ids.Contains(SitooWire.Text(u["userid"]) ?? "")));
        return SitooWire.Json(query.Page(matches));
    }

    private HttpResponseMessage AddUsers(RouteContext context) =>
        Batch(context.Body, item =>
        {
            var email = SitooWire.Text(item["email"]);
            if (string.IsNullOrWhiteSpace(email))
            {
                return ItemError(HttpStatusCode.BadRequest, "email is required");
            }
            BeforeUserCreate?.Invoke(email);
            if (Sitoo.UniqueUserEmails && FindUserByEmail(email) is not null)
            {
                return ItemError(HttpStatusCode.BadRequest, $"A user with email {email} already exists");
            }
            return ItemOk(CreateUser(item));
        });

    private HttpResponseMessage UpdateUsers(RouteContext context) =>
        Batch(context.Body, item =>
        {
            var userId = SitooWire.Text(item["userid"]);
            var user = userId is null ? null : _users.Find(u => string.Equals(SitooWire.Text(u["userid"]), userId, StringComparison.OrdinalIgnoreCase));
            if (user is null)
            {
                return ItemError(HttpStatusCode.NotFound, "userid is missing or unknown");
            }
            if (Sitoo.UniqueUserEmails && SitooWire.Text(item["email"]) is { } email && FindUserByEmail(email) is { } other && !ReferenceEquals(other, user))
            {
                return ItemError(HttpStatusCode.BadRequest, $"A user with email {email} already exists");
            }
            MergeUser(user, item);
            return ItemOk(true);
        });

    private JsonObject? FindUserByEmail(string email) =>
        _users.Find(u => string.Equals(SitooWire.Text(u["email"]), email.Trim(), StringComparison.OrdinalIgnoreCase));

    private string CreateUser(JsonObject write)
    {
        var userId = NewGuid();
        var now = SitooWire.Unix(Now);
        var user = new JsonObject
        {
            ["userid"] = userId,
            ["email"] = "",
            ["namefirst"] = "",
            ["namelast"] = "",
            ["personalid"] = "",
            ["externalid"] = null,
            ["company"] = "",
            ["department"] = "",
            ["companyid"] = "",
            ["address"] = "",
            ["address2"] = "",
            ["zip"] = "",
            ["city"] = "",
            ["state"] = "",
            ["countryid"] = "",
            ["phone"] = "",
            ["mobile"] = "",
            ["notes"] = "",
            ["customernumber"] = (_users.Count + 1000).ToString(CultureInfo.InvariantCulture),
            ["datecreated"] = now,
            ["datemodified"] = now,
            ["voucherpasswords"] = new JsonArray(),
            ["role"] = null,
            ["warehouses"] = new JsonArray(),
            ["posrefundcard"] = false,
        };
        MergeUser(user, write);
        _users.Add(user);
        return userId;
    }

    private void MergeUser(JsonObject user, JsonObject write)
    {
        foreach (var (name, value) in write)
        {
            if (name is not ("userid" or "datecreated" or "datemodified") && !_writeOnlyUserFields.Contains(name))
            {
                user[name] = value?.DeepClone();
            }
        }
        user["email"] = SitooWire.Text(user["email"])?.Trim();
        user["datemodified"] = SitooWire.Unix(Now);
    }

    /// <summary>A GUID in Sitoo's form (upper case, in braces), drawn from the seeded random source.</summary>
    private string NewGuid()
    {
        var bytes = new byte[16];
        Random.NextBytes(bytes);
        return new Guid(bytes).ToString("B").ToUpperInvariant();
    }
}
