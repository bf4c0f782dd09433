namespace Connectors.Core;

/// <summary>Temporary.</summary>
public static class Placeholder
{
}
