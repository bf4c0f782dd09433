using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Connectors.Sync.State;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Sync.Orders;

/// <summary>
/// Keeps each online order as it was exported: the Shopware snapshot and the Sitoo draft written from it. Returns are
/// planned from this record, so an order edited in Shopware after the export (a line changed, a promotion removed)
/// cannot change what a store return refunds.
/// </summary>
internal static class ExportArchive
{
    private static readonly JsonSerializerOptions _options = new(ExportArchiveJsonContext.Default.Options)
    {
        Converters = { new InstantConverter() },
    };

    /// <summary>The document name of the Sitoo order <paramref name="sitooOrderId"/>'s export.</summary>
    public static string Name(long sitooOrderId) => string.Create(CultureInfo.InvariantCulture, $"export:{sitooOrderId}");

    /// <summary>Keeps <paramref name="exported"/>; call it in the unit of work that links the orders.</summary>
    public static Task SaveAsync(IStateSession session, Core.Returns.ExportedOrder exported, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(exported);
        return session.Snapshots.SaveAsync(Name(exported.SitooOrderId), Serialize(exported), cancellationToken);
    }

    /// <summary>The export of the Sitoo order <paramref name="sitooOrderId"/>; <see langword="null"/> for an order exported before the archive existed.</summary>
    public static async Task<Core.Returns.ExportedOrder?> LoadAsync(IStateSession session, long sitooOrderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var document = await session.Snapshots.LoadAsync(Name(sitooOrderId), cancellationToken).ConfigureAwait(false);
        return document is null ? null : Deserialize(document.Body);
    }

    /// <summary>The archive's JSON of <paramref name="exported"/>.</summary>
    public static string Serialize(Core.Returns.ExportedOrder exported) =>
        JsonSerializer.Serialize(exported, (JsonTypeInfo<Core.Returns.ExportedOrder>)_options.GetTypeInfo(typeof(Core.Returns.ExportedOrder)));

    /// <summary>Reads the archive's JSON.</summary>
    /// <exception cref="JsonException">The document is not an archived export.</exception>
    public static Core.Returns.ExportedOrder Deserialize(string json) =>
        JsonSerializer.Deserialize(json, (JsonTypeInfo<Core.Returns.ExportedOrder>)_options.GetTypeInfo(typeof(Core.Returns.ExportedOrder)))
        ?? throw new JsonException("An archived export is null.");

    /// <summary>Instants as ISO-8601 text, as in the rest of the store.</summary>
    private sealed class InstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            InstantPattern.ExtendedIso.Parse(reader.GetString() ?? string.Empty).GetValueOrThrow();

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}

/// <summary>The archived export's JSON shape.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Core.Returns.ExportedOrder))]
internal sealed partial class ExportArchiveJsonContext : JsonSerializerContext;
