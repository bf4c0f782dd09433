using System.Text;

namespace Connectors.Core.Identity;

/// <summary>
/// A key derived from a source fact (a Sitoo order, a warehouse transaction, a Shopware order, ...).
/// The same fact always yields the same key, whether it arrived by webhook or by polling, so the engine
/// can apply it at most once.
/// </summary>
/// <remarks>
/// Keys are colon-separated segments such as <c>sitoo:{account}:{eshop}:order:{orderid}</c>. Segment values
/// are escaped (<c>%</c> and <c>:</c> are percent-encoded) so that no two different facts share a key.
/// </remarks>
public readonly record struct IdempotencyKey
{
    private IdempotencyKey(string value) => Value = value;

    /// <summary>The key as stored by the engine, e.g. <c>sitoo:acme:1:order:1042</c>.</summary>
    public string Value { get; }

    /// <summary>The key of a Sitoo order (sales, returns and web orders alike): <c>sitoo:{account}:{eshop}:order:{orderid}</c>.</summary>
    /// <param name="account">The Sitoo account (system) name.</param>
    /// <param name="eshopId">The Sitoo e-shop (site) id.</param>
    /// <param name="orderId">The Sitoo order id.</param>
    public static IdempotencyKey SitooOrder(string account, long eshopId, long orderId) =>
        Sitoo(account, eshopId).Append("order", orderId);

    /// <summary>The key of a Sitoo warehouse transaction: <c>sitoo:{account}:{eshop}:wtx:{warehousetransactionid}</c>.</summary>
    /// <param name="account">The Sitoo account (system) name.</param>
    /// <param name="eshopId">The Sitoo e-shop (site) id.</param>
    /// <param name="warehouseTransactionId">The warehouse transaction id.</param>
    public static IdempotencyKey SitooWarehouseTransaction(string account, long eshopId, long warehouseTransactionId) =>
        Sitoo(account, eshopId).Append("wtx", warehouseTransactionId);

    /// <summary>The key of a Sitoo user (customer): <c>sitoo:{account}:user:{userid}</c>; users are shared by all sites of an account.</summary>
    /// <param name="account">The Sitoo account (system) name.</param>
    /// <param name="userId">The Sitoo user id, braces included as Sitoo sends it.</param>
    public static IdempotencyKey SitooUser(string account, string userId) =>
        Root("sitoo", account).Append("user", userId);

    /// <summary>The key of a Shopware order: <c>shopware:order:{id}</c>.</summary>
    /// <param name="orderId">The Shopware order id (32 hex characters).</param>
    public static IdempotencyKey ShopwareOrder(string orderId) => Root("shopware").Append("order", orderId);

    /// <summary>The key of a Shopware customer: <c>shopware:customer:{id}</c>.</summary>
    /// <param name="customerId">The Shopware customer id.</param>
    public static IdempotencyKey ShopwareCustomer(string customerId) => Root("shopware").Append("customer", customerId);

    /// <summary>
    /// A key for an effect caused by this fact, e.g. <c>SitooOrder(...).Append("refund")</c> for the Shopware
    /// refund a Sitoo return causes.
    /// </summary>
    /// <param name="kind">What the segment names, e.g. <c>refund</c>.</param>
    /// <param name="value">An optional value for the segment.</param>
    /// <returns>A longer key that starts with this one.</returns>
    public IdempotencyKey Append(string kind, string? value = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var builder = new StringBuilder(Value).Append(':').Append(Escape(kind));
        if (value is not null)
        {
            builder.Append(':').Append(Escape(value));
        }

        return new IdempotencyKey(builder.ToString());
    }

    /// <inheritdoc cref="Append(string, string?)"/>
    public IdempotencyKey Append(string kind, long value) =>
        Append(kind, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Rebuilds a key from its stored <see cref="Value"/>.</summary>
    /// <param name="value">A value previously read from <see cref="Value"/>.</param>
    public static IdempotencyKey FromStored(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new IdempotencyKey(value);
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    private static IdempotencyKey Sitoo(string account, long eshopId) =>
        Root("sitoo", account).Append(eshopId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static IdempotencyKey Root(string system, string? account = null)
    {
        var key = new IdempotencyKey(system);
        if (account is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(account);
            key = key.Append(account);
        }

        return key;
    }

    private static string Escape(string segment) =>
        segment.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal);
}
