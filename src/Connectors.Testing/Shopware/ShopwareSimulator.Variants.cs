using System.Text.Json.Nodes;

namespace Connectors.Testing.Shopware;

public sealed partial class ShopwareSimulator
{
    /// <summary>
    /// Adds a variant to a product, which becomes its parent (a container that is not sold). Fields left null on the
    /// draft are stored null and inherited from the parent, as Shopware stores them; raises <c>product.written</c>.
    /// </summary>
    /// <returns>The variant's id.</returns>
    /// <exception cref="KeyNotFoundException">No product has the parent number.</exception>
    /// <exception cref="InvalidOperationException">The variant's number is taken.</exception>
    public string AddVariant(string parentNumber, ShopVariantDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.ProductNumber, nameof(draft));
        lock (Gate)
        {
            var parent = ProductByNumber(parentNumber) ?? throw new KeyNotFoundException($"No product with number {parentNumber}.");
            if (ProductByNumber(draft.ProductNumber) is not null)
            {
                throw new InvalidOperationException($"Product with number \"{draft.ProductNumber}\" already exists.");
            }
            var id = NewId();
            var variant = NewProduct(id);
            variant["parentId"] = parent["id"]!.DeepClone();
            variant["parentVersionId"] = LiveVersionId;
            variant["productNumber"] = draft.ProductNumber;
            variant["stock"] = draft.Stock;
            variant["active"] = draft.Active;
            variant["isCloseout"] = null;
            variant["minPurchase"] = null;
            variant["name"] = draft.Name;
            variant["translated"] = new JsonObject { ["name"] = draft.Name };
            variant["ean"] = draft.Ean;
            variant["taxId"] = draft.TaxRate is { } rate ? TaxIdFor(rate) : null;
            variant["price"] = draft.GrossPrice is { } gross ? PriceOf(gross, draft.TaxRate ?? TaxRateOf(parent)) : null;
            variant["optionIds"] = new JsonArray([.. draft.Options.Select(option => (JsonNode?)OptionId(option))]);
            variant["options"] = new JsonArray([.. draft.Options.Select(option => (JsonNode?)OptionJson(option))]);
            variant["stock"] = draft.Stock;
            variant["availableStock"] = draft.Stock;
            _products[id] = variant;
            parent["childCount"] = _products.Values.Count(p => p["parentId"]?.GetValue<string>() == parent["id"]!.GetValue<string>());
            RaiseEvent("product.written", new JsonArray(EntityWrite("product", "insert", id, variant.Select(p => p.Key))));
            return id;
        }
    }

    /// <summary>Changes a catalogue product as staff do in the Administration; raises <c>product.written</c>.</summary>
    /// <exception cref="KeyNotFoundException">No product has that number.</exception>
    public void ChangeProduct(string productNumber, ShopProductChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (Gate)
        {
            var product = ProductByNumber(productNumber) ?? throw new KeyNotFoundException($"No product with number {productNumber}.");
            var fields = new List<string> { "updatedAt" };
            if (change.Name is { } name)
            {
                product["name"] = name;
                product["translated"] = new JsonObject { ["name"] = name };
                fields.Add("name");
            }
            if (change.Description is { } description)
            {
                product["description"] = description;
                product["translated"]!["description"] = description;
                fields.Add("description");
            }
            if (change.GrossPrice is { } gross)
            {
                product["price"] = PriceOf(gross, TaxRateOf(product));
                fields.Add("price");
            }
            if (change.Active is { } active)
            {
                product["active"] = active;
                fields.Add("active");
            }
            product["updatedAt"] = Now();
            RaiseEvent("product.written", new JsonArray(EntityWrite("product", "update", product["id"]!.GetValue<string>(), fields)));
        }
    }

    /// <summary>Deletes a product and its variants as staff do in the Administration; raises <c>product.deleted</c>.</summary>
    /// <exception cref="KeyNotFoundException">No product has that number.</exception>
    public void DeleteProduct(string productNumber)
    {
        lock (Gate)
        {
            var product = ProductByNumber(productNumber) ?? throw new KeyNotFoundException($"No product with number {productNumber}.");
            var id = product["id"]!.GetValue<string>();
            var deleted = _products.Values.Where(p => p["parentId"]?.GetValue<string>() == id).Select(p => p["id"]!.GetValue<string>()).Append(id).ToList();
            foreach (var gone in deleted)
            {
                _products.Remove(gone);
            }
            RaiseEvent("product.deleted", new JsonArray([.. deleted.Select(gone => (JsonNode?)EntityWrite("product", "delete", gone, null))]));
        }
    }

    // The tax entity as the Admin API lists it (id, taxRate, name).
    private OrderedDictionary<string, JsonObject> TaxRows()
    {
        var rows = new OrderedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (id, rate) in _taxRates)
        {
            rows[id] = new JsonObject
            {
                ["id"] = id, ["taxRate"] = rate, ["name"] = $"{rate}%", ["position"] = 1, ["customFields"] = null,
                ["createdAt"] = Now(), ["updatedAt"] = null, ["extensions"] = new JsonArray(), ["apiAlias"] = "tax",
            };
        }
        return rows;
    }

    private string TaxIdFor(decimal rate)
    {
        var taxId = _taxRates.FirstOrDefault(t => t.Value == rate).Key ?? NewId();
        _taxRates[taxId] = rate;
        return taxId;
    }

    private static JsonArray PriceOf(decimal gross, decimal taxRate) => new(new JsonObject
    {
        ["extensions"] = new JsonArray(),
        ["currencyId"] = DefaultCurrencyId,
        ["gross"] = gross,
        ["net"] = Math.Round(gross / (1 + (taxRate / 100)), 2, MidpointRounding.AwayFromZero),
        ["linked"] = true,
        ["listPrice"] = null,
        ["percentage"] = null,
        ["regulationPrice"] = null,
    });

    // Option and group ids are derived from the names, so one option is one entity across variants.
    private static string OptionId(ShopVariantOption option) => NameId("property_group_option\n" + option.Group + "\n" + option.Value);

    private static string NameId(string name) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    private static JsonObject OptionJson(ShopVariantOption option)
    {
        var groupId = NameId("property_group\n" + option.Group);
        return new JsonObject
        {
            ["id"] = OptionId(option), ["groupId"] = groupId, ["name"] = option.Value,
            ["translated"] = new JsonObject { ["name"] = option.Value },
            ["group"] = new JsonObject { ["id"] = groupId, ["name"] = option.Group, ["translated"] = new JsonObject { ["name"] = option.Group }, ["apiAlias"] = "property_group" },
            ["apiAlias"] = "property_group_option",
        };
    }
}
