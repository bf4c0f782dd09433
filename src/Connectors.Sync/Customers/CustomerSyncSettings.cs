namespace Connectors.Sync.Customers;

/// <summary>Settings of customers made at the till (Sitoo → Shopware). Online customers always reach Sitoo with their orders.</summary>
public sealed class CustomerSyncSettings
{
    /// <summary>Whether people signed up at a till become Shopware customers (looked up first, never duplicated). Off by default.</summary>
    public bool CreateInShopware { get; set; }

    /// <summary>How often the Sitoo users are scanned for new sign-ups (Sitoo has no user events and no modified-since filter).</summary>
    public TimeSpan SignUpScanEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The sales channel new customers belong to; required with <see cref="CreateInShopware"/>.</summary>
    public string? SalesChannelId { get; set; }

    /// <summary>The customer group of new customers; required with <see cref="CreateInShopware"/>.</summary>
    public string? GroupId { get; set; }

    /// <summary>The language of new customers; Shopware's system language by default.</summary>
    public string LanguageId { get; set; } = "2fbb5fe2e29a4d70aa5854ce7ce3e20b";

    /// <summary>The country of a new customer's address when the till recorded none; required with <see cref="CreateInShopware"/>.</summary>
    public string? CountryId { get; set; }

    /// <summary>
    /// Whether new customers are guests (the default): the person never chose a shop password, so an account could not
    /// log in; registering in the shop later with the same address is then linked to the same Sitoo user.
    /// </summary>
    public bool CreateAsGuest { get; set; } = true;
}
