using System.Text.Json.Nodes;

namespace Connectors.Shopware.Tests.Infrastructure;

public static class Fixtures
{
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static byte[] ReadBytes(string relativePath) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static JsonNode Node(string relativePath) => JsonNode.Parse(Read(relativePath))!;

    /// <summary>Turns a recorded JSON:API list into the plain-JSON search response the client asks for (<c>Accept: application/json</c>).</summary>
    public static string JsonApiListAsPlainSearch(string relativePath)
    {
        var document = Node(relativePath);
        var rows = new JsonArray();
        foreach (var item in document["data"]!.AsArray())
        {
            var row = item!["attributes"]!.DeepClone().AsObject();
            row["id"] = item["id"]!.GetValue<string>();
            rows.Add(row);
        }

        return new JsonObject { ["total"] = document["meta"]!["total"]!.DeepClone(), ["data"] = rows }.ToJsonString();
    }
}
