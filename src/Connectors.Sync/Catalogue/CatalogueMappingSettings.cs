using System.Globalization;
using Connectors.Core.Catalogue;

namespace Connectors.Sync.Catalogue;

/// <summary>Turns the configured catalogue settings into the Core mapping's options, and says what is wrong with them.</summary>
internal static class CatalogueMappingSettings
{
    private const string Section = "Connectors:Sync:Catalogue";

    /// <summary>The mapping options; call only on settings <see cref="Problems"/> accepted.</summary>
    public static CatalogueMappingOptions ToMappingOptions(CatalogueSyncSettings settings) => new()
    {
        Currency = settings.Currency,
        VatGroupsByRate = settings.VatGroups.ToDictionary(group => decimal.Parse(group.Key, NumberStyles.Number, CultureInfo.InvariantCulture), group => group.Value),
        PriceListsByCurrency = new Dictionary<string, int>(settings.PriceLists, StringComparer.OrdinalIgnoreCase),
        CategoriesById = new Dictionary<string, int>(settings.Categories, StringComparer.Ordinal),
        ManufacturersById = new Dictionary<string, int>(settings.Manufacturers, StringComparer.Ordinal),
        CustomFieldSlots = new Dictionary<string, int>(settings.CustomFields, StringComparer.Ordinal),
    };

    /// <summary>What the host must not start with: rates that are not numbers, ids Sitoo cannot have, a zero poll interval.</summary>
    public static IEnumerable<string> Problems(CatalogueSyncSettings settings)
    {
        foreach (var (rate, vatId) in settings.VatGroups)
        {
            if (!decimal.TryParse(rate, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            {
                yield return $"{Section}:VatGroups: '{rate}' is not a VAT rate in percent written with a dot, such as 19 or 7.7.";
            }
            else if (vatId < 1)
            {
                yield return $"{Section}:VatGroups:{rate} must be a Sitoo product group id (vatid, 1 or more).";
            }
        }

        foreach (var (currency, priceList) in settings.PriceLists)
        {
            if (priceList < 2)
            {
                yield return $"{Section}:PriceLists:{currency} must be a further Sitoo price list (2 or more): list 1 is the default, written through moneyprice in {settings.Currency}.";
            }
        }

        foreach (var (name, ids) in new[] { ("Categories", settings.Categories), ("Manufacturers", settings.Manufacturers) })
        {
            foreach (var (shopwareId, sitooId) in ids.Where(entry => entry.Value < 1))
            {
                yield return $"{Section}:{name}:{shopwareId} must be a Sitoo id (1 or more).";
            }
        }

        foreach (var (field, slot) in settings.CustomFields.Where(entry => entry.Value is < 1 or > 5))
        {
            yield return $"{Section}:CustomFields:{field} must be a Sitoo custom slot from 1 to 5 (custom1 … custom5), not {slot}.";
        }

        foreach (var shared in settings.CustomFields.GroupBy(entry => entry.Value).Where(slot => slot.Count() > 1))
        {
            yield return $"{Section}:CustomFields: {string.Join(" and ", shared.Select(entry => entry.Key))} share slot {shared.Key}; each slot holds one field.";
        }

        if (settings.DeletionSweepEvery < TimeSpan.Zero)
        {
            yield return $"{Section}:DeletionSweepEvery must not be negative (zero turns the sweep off).";
        }

        if (settings.PollInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:PollInterval must be positive.";
        }

        if (settings.Enabled && settings.VatGroups.Count == 0)
        {
            yield return $"{Section}:VatGroups is empty while the catalogue sync is on: every product would be refused for its VAT rate. Map each Shopware tax rate to its Sitoo product group.";
        }
    }
}
