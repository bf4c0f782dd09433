using System.Text.Json.Serialization;

namespace Connectors.Sync.State.Relational;

/// <summary>JSON shapes of the columns that hold maps and nested records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, decimal>))]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(RemoteError))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class RelationalJsonContext : JsonSerializerContext;
