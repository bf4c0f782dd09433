namespace Connectors.Sitoo.Tests.Support;

/// <summary>Reads the copied fixtures (see Fixtures/ATTRIBUTION.md).</summary>
public static class Fixture
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static string Example(string name) => Read(Path.Combine("sitoo-examples", name));

    public static string Docs(string name) => Read(Path.Combine("sitoo-docs", name));
}
