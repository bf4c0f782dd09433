using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectors.Testing.Contracts;

namespace Connectors.Testing.Shopware;

public sealed partial class ShopwareSimulator
{
    private static readonly string[] _requiredCustomerFields =
        ["groupId", "salesChannelId", "languageId", "customerNumber", "firstName", "lastName", "email"];

    private static readonly string[] _requiredAddressFields = ["countryId", "firstName", "lastName", "city", "street"];

    private readonly Dictionary<string, decimal> _taxRates = new(StringComparer.Ordinal) { [DefaultTaxId] = 19m };

    /// <summary>Creates a catalogue product (no webhook: this stands for data that existed before the test).</summary>
    /// <returns>The product id.</returns>
    /// <exception cref="InvalidOperationException">The product number is taken.</exception>
    public string AddProduct(ShopProductDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.ProductNumber, nameof(draft));
        lock (Gate)
        {
            if (ProductByNumber(draft.ProductNumber) is not null)
            {
                throw new InvalidOperationException($"Product with number \"{draft.ProductNumber}\" already exists.");
            }
            var id = draft.Id ?? NewId();
            var taxId = _taxRates.FirstOrDefault(t => t.Value == draft.TaxRate).Key ?? NewId();
            _taxRates[taxId] = draft.TaxRate;
            var product = NewProduct(id);
            var name = draft.Name ?? draft.ProductNumber;
            product["productNumber"] = draft.ProductNumber;
            product["stock"] = draft.Stock;
            product["isCloseout"] = draft.IsCloseout;
            product["minPurchase"] = draft.MinPurchase;
            product["name"] = name;
            product["description"] = draft.Description;
            product["translated"] = new JsonObject { ["name"] = name, ["description"] = draft.Description };
            product["manufacturerId"] = draft.ManufacturerId;
            product["manufacturerNumber"] = draft.ManufacturerNumber;
            product["categoryIds"] = draft.CategoryIds.Count == 0 ? null : new JsonArray([.. draft.CategoryIds.Select(category => (JsonNode?)category)]);
            product["customFields"] = draft.CustomFields.Count == 0 ? null : new JsonObject(draft.CustomFields.Select(field => KeyValuePair.Create(field.Key, (JsonNode?)field.Value)));
            product["taxId"] = taxId;
            product["price"] = new JsonArray(new JsonObject
            {
                ["extensions"] = new JsonArray(),
                ["currencyId"] = DefaultCurrencyId,
                ["gross"] = draft.GrossPrice,
                ["net"] = Math.Round(draft.GrossPrice / (1 + (draft.TaxRate / 100)), 2, MidpointRounding.AwayFromZero),
                ["linked"] = true,
                ["listPrice"] = null,
                ["percentage"] = null,
                ["regulationPrice"] = null,
            });
            IndexProduct(product);
            _products[id] = product;
            return id;
        }
    }

    /// <summary>A product's stock figures by product number.</summary>
    /// <exception cref="KeyNotFoundException">No product has that number.</exception>
    public ShopProductState GetProduct(string productNumber)
    {
        lock (Gate)
        {
            var product = ProductByNumber(productNumber) ?? throw new KeyNotFoundException($"No product with number {productNumber}.");
            return new ShopProductState(
                product["id"]!.GetValue<string>(),
                productNumber,
                product["stock"]!.GetValue<int>(),
                product["availableStock"]!.GetValue<int>(),
                product["available"]!.GetValue<bool>(),
                product["isCloseout"]?.GetValue<bool>() == true,
                product["sales"]?.GetValue<int>() ?? 0);
        }
    }

    /// <summary>Registers a storefront customer account (not a guest).</summary>
    /// <returns>The customer id.</returns>
    public string RegisterCustomer(string email, string firstName, string lastName, string? phone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        lock (Gate)
        {
            return AddCustomer(email, firstName, lastName, guest: false, phone);
        }
    }

    /// <summary>Every customer (guests included), for assertions.</summary>
    public IReadOnlyList<JsonObject> ListCustomers()
    {
        lock (Gate)
        {
            return [.. _customers.Values.Select(customer => (JsonObject)customer.DeepClone())];
        }
    }

    /// <summary>
    /// Changes a customer's e-mail as the customer does in the account settings (or staff in the Administration). Orders
    /// placed earlier keep the address in their <c>orderCustomer</c> snapshot, as in Shopware.
    /// </summary>
    public void ChangeCustomerEmail(string customerId, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        lock (Gate)
        {
            if (!_customers.TryGetValue(customerId, out var customer))
            {
                throw new KeyNotFoundException($"No customer {customerId}.");
            }
            customer["email"] = email;
            customer["updatedAt"] = Now();
            RaiseEvent("customer.written", new JsonArray(EntityWrite("customer", "update", customerId, ["email", "updatedAt"])));
        }
    }

    private string AddCustomer(string email, string firstName, string lastName, bool guest, string? phone = null)
    {
        var id = NewId();
        var addressId = NewId();
        var address = new JsonObject
        {
            ["id"] = addressId,
            ["customerId"] = id,
            ["countryId"] = DefaultCountryId,
            ["firstName"] = firstName,
            ["lastName"] = lastName,
            ["street"] = "Simulated Street 1",
            ["zipcode"] = "12345",
            ["city"] = "Simulated City",
            ["phoneNumber"] = phone,
            ["apiAlias"] = "customer_address",
        };
        _customers[id] = NewCustomer(id, new JsonObject
        {
            ["groupId"] = DefaultCustomerGroupId,
            ["salesChannelId"] = StorefrontSalesChannelId,
            ["languageId"] = SystemLanguageId,
            ["customerNumber"] = (_nextCustomerNumber++).ToString(CultureInfo.InvariantCulture),
            ["firstName"] = firstName,
            ["lastName"] = lastName,
            ["email"] = email,
            ["guest"] = guest,
            ["defaultBillingAddressId"] = addressId,
            ["defaultShippingAddressId"] = addressId,
            ["addresses"] = new JsonArray(address),
        });
        RaiseEvent("customer.written", new JsonArray(EntityWrite("customer", "insert", id, _customers[id].Select(p => p.Key))));
        return id;
    }

    private JsonObject NewCustomer(string id, JsonObject fields)
    {
        var customer = new JsonObject
        {
            ["groupId"] = null,
            ["defaultPaymentMethodId"] = null,
            ["salesChannelId"] = null,
            ["languageId"] = null,
            ["lastPaymentMethodId"] = null,
            ["defaultBillingAddressId"] = null,
            ["defaultShippingAddressId"] = null,
            ["customerNumber"] = null,
            ["salutationId"] = null,
            ["firstName"] = null,
            ["lastName"] = null,
            ["company"] = null,
            ["email"] = null,
            ["guest"] = false,
            ["active"] = true,
            ["accountType"] = "private",
            ["boundSalesChannelId"] = null,
            ["orderCount"] = 0,
            ["orderTotalAmount"] = 0,
            ["lastOrderDate"] = null,
            ["customFields"] = null,
            ["createdAt"] = Now(),
            ["updatedAt"] = null,
            ["addresses"] = new JsonArray(),
            ["id"] = id,
            ["extensions"] = new JsonArray(),
            ["_uniqueIdentifier"] = id,
            ["apiAlias"] = "customer",
        };
        foreach (var (name, value) in fields)
        {
            customer[name] = value?.DeepClone();
        }
        var addresses = customer["addresses"]!.AsArray();
        foreach (var address in addresses.OfType<JsonObject>())
        {
            address["customerId"] = id;
            address["apiAlias"] = "customer_address";
        }
        customer["defaultBillingAddress"] = addresses.FirstOrDefault(a => a?["id"]?.ToString() == customer["defaultBillingAddressId"]?.ToString())?.DeepClone();
        customer["defaultShippingAddress"] = addresses.FirstOrDefault(a => a?["id"]?.ToString() == customer["defaultShippingAddressId"]?.ToString())?.DeepClone();
        return customer;
    }

    // POST /api/customer: a single create; violations point at /0/{field} like every single write.
    private HttpResponseMessage CreateCustomer(HttpRequestMessage request, JsonObject body, ContractValidation contract)
    {
        var errors = new List<ShopwareErrorEntry>();
        var required = ShopOptions.RequireDefaultPaymentMethod ? [.. _requiredCustomerFields, "defaultPaymentMethodId"] : _requiredCustomerFields;
        errors.AddRange(required.Where(f => IsBlank(body[f])).Select(f => ShopwareErrors.NotBlank($"/0/{f}")));
        if (IsBlank(body["defaultBillingAddressId"]) && body["defaultBillingAddress"] is null)
        {
            errors.Add(ShopwareErrors.NotBlank("/0/defaultBillingAddressId"));
        }
        if (IsBlank(body["defaultShippingAddressId"]) && body["defaultShippingAddress"] is null)
        {
            errors.Add(ShopwareErrors.NotBlank("/0/defaultShippingAddressId"));
        }
        if (body["guest"] is { } guest && guest.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(ShopwareErrors.WrongType("/0/guest", "bool", guest));
        }
        var addresses = body["addresses"] as JsonArray ?? [];
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            errors.AddRange(_requiredAddressFields.Where(f => IsBlank(address?[f])).Select(f => ShopwareErrors.NotBlank($"/0/addresses/{i}/{f}")));
        }
        if (errors.Count > 0)
        {
            throw new ShopwareRejection(HttpStatusCode.BadRequest, errors);
        }
        EnsureConforms(contract);
        var skipFlows = Header(request, "sw-skip-trigger-flow") is "1" or "true";
        lock (Gate)
        {
            var id = body["id"]?.ToString().ToLowerInvariant() ?? NewId();
            var fields = (JsonObject)body.DeepClone();
            fields.Remove("id");
            foreach (var (name, nested) in new[] { ("defaultBillingAddress", "defaultBillingAddressId"), ("defaultShippingAddress", "defaultShippingAddressId") })
            {
                if (fields[name] is JsonObject address)
                {
                    address["id"] ??= NewId();
                    fields[nested] = address["id"]!.DeepClone();
                    fields["addresses"] ??= new JsonArray();
                    fields["addresses"]!.AsArray().Add(address.DeepClone());
                    fields.Remove(name);
                }
            }
            var isInsert = !_customers.ContainsKey(id);
            _customers[id] = NewCustomer(id, fields);
            _writes.Add(new ShopwareWriteRecord("customer", [id], null, skipFlows));
            RaiseEvent("customer.written", new JsonArray(EntityWrite("customer", isInsert ? "insert" : "update", id, ["id", .. fields.Select(p => p.Key)])));
            var response = new HttpResponseMessage(HttpStatusCode.NoContent);
            response.Headers.Location = new Uri(request.RequestUri!, $"/api/customer/{id}");
            return response;
        }
    }

    private HttpResponseMessage ReserveNumber(string type)
    {
        lock (Gate)
        {
            var number = type switch
            {
                "customer" => _nextCustomerNumber++,
                "order" => _nextOrderNumber++,
                _ => throw new ShopwareRejection(new ShopwareErrorEntry(
                    HttpStatusCode.BadRequest, "FRAMEWORK__NUMBER_RANGE_TYPE_NOT_MODELLED", "Bad Request", $"The simulated shop reserves customer and order numbers only, not \"{type}\".")),
            };
            return Ok(new JsonObject { ["number"] = number.ToString(CultureInfo.InvariantCulture) });
        }
    }

    private decimal TaxRateOf(JsonObject product) =>
        product["taxId"]?.GetValue<string>() is { } taxId && _taxRates.TryGetValue(taxId, out var rate) ? rate : 0m;

    private static bool IsBlank(JsonNode? value) =>
        value is null || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()));
}
