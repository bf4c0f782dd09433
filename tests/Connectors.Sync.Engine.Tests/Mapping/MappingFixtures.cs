using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Mapping;

/// <summary>
/// Reads the recorded fixtures into the clients' models. The clients keep their source-generated JSON contexts
/// internal, so these options repeat what the contexts configure: the models' own attributes and money converters
/// apply, Sitoo dates are Unix seconds, Shopware dates ISO 8601 with an offset, Shopware names are camelCase and numbers
/// may come as strings.
/// </summary>
internal static class MappingFixtures
{
    private static readonly JsonSerializerOptions SitooOptions = new() { Converters = { new UnixSecondsConverter() } };

    private static readonly JsonSerializerOptions ShopwareOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new IsoInstantConverter() },
    };

    public static T SitooObject<T>(string file) => Read<T>(Path.Combine("sitoo", file), SitooOptions);

    public static IReadOnlyList<T> SitooItems<T>(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(Path.Combine("sitoo", file))));
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(item => item.Deserialize<T>(SitooOptions)!)];
    }

    public static T Shopware<T>(string file, string? property = null)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(Path.Combine("shopware", file))));
        var element = property is null ? document.RootElement : document.RootElement.GetProperty(property);
        return element.Deserialize<T>(ShopwareOptions)!;
    }

    private static T Read<T>(string file, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(PathOf(file)), options)!;

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", file);

    private sealed class IsoInstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Instant.FromDateTimeOffset(DateTimeOffset.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToDateTimeOffset());
    }

    private sealed class UnixSecondsConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Instant.FromUnixTimeSeconds(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.ToUnixTimeSeconds());
    }
}
