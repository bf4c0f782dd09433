using System.Text.Json.Nodes;

namespace Connectors.Testing.Tests.Sitoo;

/// <summary>Reads the recorded fixtures and compares shapes: same field names with the same JSON kinds.</summary>
internal static class SitooFixtures
{
    public static JsonNode Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sitoo", "Fixtures", name)))!;

    /// <summary>Asserts every field of the recorded object is present in the simulated one with the same JSON kind (null matches anything).</summary>
    public static void AssertSameShape(JsonObject recorded, JsonObject simulated, string path = "$")
    {
        foreach (var (name, value) in recorded)
        {
            Assert.True(simulated.ContainsKey(name), $"{path}.{name} is missing from the simulator's answer");
            var other = simulated[name];
            if (value is null || other is null)
            {
                continue;
            }
            Assert.True(value.GetValueKind() == other.GetValueKind(), $"{path}.{name}: recorded {value.GetValueKind()}, simulated {other.GetValueKind()}");
            if (value is JsonObject recordedChild && recordedChild.Count > 0)
            {
                AssertSameShape(recordedChild, (JsonObject)other, $"{path}.{name}");
            }
            if (value is JsonArray { Count: > 0 } recordedItems && recordedItems[0] is JsonObject first && other is JsonArray { Count: > 0 } simulatedItems)
            {
                AssertSameShape(first, (JsonObject)simulatedItems[0]!, $"{path}.{name}[0]");
            }
        }
    }
}
