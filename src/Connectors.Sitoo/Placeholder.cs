namespace Connectors.Sitoo;

/// <summary>Temporary.</summary>
public static class Placeholder
{
}
