namespace Connectors.Shopware;

/// <summary>Temporary.</summary>
public static class Placeholder
{
}
