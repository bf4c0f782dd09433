using System.Globalization;

namespace Connectors.Sitoo;

/// <summary>Settings of the Sitoo REST API v2 client. Bind them from configuration or set them in code.</summary>
public sealed class SitooApiOptions
{
    /// <summary>The default API host; sandbox and regional hosts are other values.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.mysitoo.com/");

    /// <summary>Scheme and host of the API, shown in Sitoo Backoffice → Settings → Sitoo REST API.
    /// HTTPS is required unless the host is loopback (simulators, tests). Never derived from the account number.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The numeric account id: the part of the API id before the dash (API id <c>10020-140</c> → <c>10020</c>).</summary>
    public int AccountId { get; set; }

    /// <summary>The site to work on: the integer <c>eshopid</c> (the GUID site id is deprecated). Usually 1.</summary>
    public int SiteId { get; set; } = 1;

    /// <summary>The API id (HTTP Basic user name), e.g. <c>10020-140</c>.</summary>
    public string ApiId { get; set; } = string.Empty;

    /// <summary>The generated API password (HTTP Basic password). Never logged or shown by <see cref="ToString"/>.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Items asked for per page (<c>num</c>). Sitoo documents no maximum; default 500.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>How many values go into one comma-separated filter (e.g. <c>sku=a,b,c</c>) before the client
    /// splits the request; keeps URLs short. Set 1 for hosts whose product filter takes only one SKU (the v2.8 docs). Default 100.</summary>
    public int FilterValuesPerRequest { get; set; } = 100;

    /// <summary>Items per request when creating warehouse transactions; Sitoo accepts at most 1000.</summary>
    public int WarehouseTransactionsPerRequest { get; set; } = MaxWarehouseTransactionsPerRequest;

    /// <summary>The most warehouse transactions Sitoo accepts in one request.</summary>
    public const int MaxWarehouseTransactionsPerRequest = 1000;

    /// <summary>Retries, circuit breaker, timeouts and the client-side rate limiter.</summary>
    public SitooResilienceOptions Resilience { get; set; } = new();

    /// <summary>The base address of the account's API, e.g. <c>https://api.mysitoo.com/v2/accounts/10020/</c>.</summary>
    public Uri AccountBaseAddress =>
        new(BaseAddress, "v2/accounts/" + AccountId.ToString(CultureInfo.InvariantCulture) + "/");

    /// <summary>Describes the settings with the password redacted.</summary>
    /// <returns>A text safe to log.</returns>
    public override string ToString() =>
        $"SitooApiOptions {{ BaseAddress = {BaseAddress}, AccountId = {AccountId.ToString(CultureInfo.InvariantCulture)}, SiteId = {SiteId.ToString(CultureInfo.InvariantCulture)}, ApiId = {ApiId}, Password = {(Password.Length == 0 ? "(empty)" : "***")}, PageSize = {PageSize.ToString(CultureInfo.InvariantCulture)} }}";
}
