using System.Text.Json.Serialization;
using Connectors.Sync.State;

namespace Connectors.Sync.PostgreSql.Internal;

/// <summary>JSON shapes of the columns that hold maps and nested records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(RemoteError))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
