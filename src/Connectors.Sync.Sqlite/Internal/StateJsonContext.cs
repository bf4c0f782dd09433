using System.Text.Json.Serialization;
using Connectors.Sync.State;

namespace Connectors.Sync.Sqlite.Internal;

/// <summary>JSON shapes of the columns that hold maps and nested records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, decimal>))]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(RemoteError))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
