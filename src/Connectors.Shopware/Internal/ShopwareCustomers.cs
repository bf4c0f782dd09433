using System.Text.Json.Nodes;
using Connectors.Shopware.Models;

namespace Connectors.Shopware.Internal;

internal sealed class ShopwareCustomers(IShopwareAdminApi api, int maxPageSize)
    : ShopwareEntitySearch<ShopwareCustomer>(api, "customer", maxPageSize, ShopwareJsonContext.Default.ShopwareSearchResponseShopwareCustomer), IShopwareCustomers
{
    private static readonly ShopwareRequestContext _noFlows = new() { SkipTriggerFlow = true };

    public async Task<string> CreateAsync(ShopwareCustomerDraft draft, ShopwareRequestContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (id, body) = ToJson(draft);
        await ShopwareResponseReader.ExpectSuccessAsync(
            Api.CreateCustomerAsync(ShopwareResponseReader.JsonBody(body), (context ?? _noFlows).ToHeaders(), safeToRetry: false, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return id;
    }

    public async Task<string> ReserveCustomerNumberAsync(string salesChannelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(salesChannelId);
        var response = await ShopwareResponseReader.ReadAsync(
            Api.ReserveNumberAsync("customer", salesChannelId, safeToRetry: false, cancellationToken),
            ShopwareJsonContext.Default.ShopwareNumberResponse,
            cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(response.Number)
            ? throw new ShopwareApiException("Shopware reserved no customer number (empty \"number\").")
            : response.Number;
    }

    internal static (string Id, JsonObject Body) ToJson(ShopwareCustomerDraft draft)
    {
        RequireText(draft.GroupId, nameof(draft.GroupId));
        RequireText(draft.SalesChannelId, nameof(draft.SalesChannelId));
        RequireText(draft.LanguageId, nameof(draft.LanguageId));
        RequireText(draft.CustomerNumber, nameof(draft.CustomerNumber));
        RequireText(draft.FirstName, nameof(draft.FirstName));
        RequireText(draft.LastName, nameof(draft.LastName));
        RequireText(draft.Email, nameof(draft.Email));
        ArgumentNullException.ThrowIfNull(draft.BillingAddress);

        var id = draft.Id ?? NewId();
        var billingId = draft.BillingAddress.Id ?? NewId();
        var addresses = new JsonArray(Address(draft.BillingAddress, billingId, id));
        var shippingId = billingId;
        if (draft.ShippingAddress is { } shipping)
        {
            shippingId = shipping.Id ?? NewId();
            addresses.Add((JsonNode)Address(shipping, shippingId, id));
        }

        var body = new JsonObject
        {
            ["id"] = id,
            ["groupId"] = draft.GroupId,
            ["salesChannelId"] = draft.SalesChannelId,
            ["languageId"] = draft.LanguageId,
            ["customerNumber"] = draft.CustomerNumber,
            ["firstName"] = draft.FirstName,
            ["lastName"] = draft.LastName,
            ["email"] = draft.Email,
            ["accountType"] = draft.AccountType,
            ["guest"] = draft.Guest,
            ["defaultBillingAddressId"] = billingId,
            ["defaultShippingAddressId"] = shippingId,
            ["addresses"] = addresses,
        };
        SetIfPresent(body, "defaultPaymentMethodId", draft.DefaultPaymentMethodId);
        SetIfPresent(body, "salutationId", draft.SalutationId);
        SetIfPresent(body, "company", draft.Company);
        return (id, body);
    }

    private static JsonObject Address(ShopwareAddressDraft address, string id, string customerId)
    {
        RequireText(address.CountryId, nameof(address.CountryId));
        RequireText(address.FirstName, nameof(address.FirstName));
        RequireText(address.LastName, nameof(address.LastName));
        RequireText(address.Street, nameof(address.Street));
        RequireText(address.City, nameof(address.City));
        var json = new JsonObject
        {
            ["id"] = id,
            ["customerId"] = customerId,
            ["countryId"] = address.CountryId,
            ["firstName"] = address.FirstName,
            ["lastName"] = address.LastName,
            ["street"] = address.Street,
            ["city"] = address.City,
        };
        SetIfPresent(json, "zipcode", address.Zipcode);
        SetIfPresent(json, "company", address.Company);
        SetIfPresent(json, "salutationId", address.SalutationId);
        return json;
    }

    private static void SetIfPresent(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json[name] = value;
        }
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required to create a Shopware customer.", name);
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
