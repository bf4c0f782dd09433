namespace Connectors.Testing;

/// <summary>Temporary.</summary>
public static class Placeholder
{
}
