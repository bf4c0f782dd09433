using System.ComponentModel.DataAnnotations;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// The catalogue pipeline Shopware → Sitoo (ADR 0008): which Sitoo product group carries each VAT rate, which Sitoo price
/// list each further currency goes to, and how fast the catalogue is read and written.
/// </summary>
public sealed class CatalogueSyncSettings
{
    /// <summary>
    /// Whether Shopware products are written to Sitoo. Off by default: a shop that already keeps Sitoo's catalogue by other
    /// means (an ERP, a PIM) must not get a second writer.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The ISO currency whose gross price becomes Sitoo's <c>moneyprice</c> (price list 1).</summary>
    [Required]
    public string Currency { get; set; } = "EUR";

    /// <summary>
    /// Sitoo product group (<c>vatid</c>) by VAT rate in percent, written with a dot (<c>"19": 3</c>, <c>"7.7": 5</c>). A
    /// product whose rate is missing here is refused with <c>CatalogueUnmappedVatRate</c>, never given a default group.
    /// </summary>
    public Dictionary<string, int> VatGroups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Sitoo price list id by ISO currency, for every further currency the stores sell in. Each becomes a needed price: a
    /// product without a price in it is refused with <c>CatalogueMissingPrice</c>.
    /// </summary>
    public Dictionary<string, int> PriceLists { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sitoo category id by Shopware category id; a product's unmapped categories are left out, not refused.</summary>
    public Dictionary<string, int> Categories { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sitoo manufacturer id by Shopware manufacturer id; an unmapped manufacturer is left out, not refused.</summary>
    public Dictionary<string, int> Manufacturers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sitoo custom slot (1 to 5: <c>custom1</c> … <c>custom5</c>) by Shopware custom field name.</summary>
    public Dictionary<string, int> CustomFields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The Shopware language id titles are read in; empty for the shop's system language.</summary>
    public string? LanguageId { get; set; }

    /// <summary>At most this many Sitoo products per batch write (Sitoo answers each with its own status).</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Shopware products per search page; a poll reads at most two pages, so the initial load goes in steps.</summary>
    [Range(1, 500)]
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// How often the active Sitoo products written from Shopware are checked against Shopware, so a product whose
    /// <c>product.deleted</c> webhook was lost is still deactivated; zero turns the sweep off.
    /// </summary>
    public TimeSpan DeletionSweepEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the catalogue is polled without a webhook (the backstop for lost <c>product.written</c>).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);
}
