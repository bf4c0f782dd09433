using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Serialization;

/// <summary>
/// Sitoo sends money and quantities as strings with a fixed number of decimals ("123.50", "13.000").
/// Reading also accepts a JSON number so a server that switches representation does not break parsing.
/// Writing refuses values that would lose precision instead of rounding them silently.
/// </summary>
internal abstract class SitooDecimalConverter : JsonConverter<decimal>
{
    private const NumberStyles WireStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    protected SitooDecimalConverter(int decimals) => Decimals = decimals;

    /// <summary>How many decimals Sitoo expects on the wire.</summary>
    public int Decimals { get; }

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDecimal();
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a decimal string, found {reader.TokenType}.");
        }
        var text = reader.GetString();
        if (!decimal.TryParse(text, WireStyle, CultureInfo.InvariantCulture, out var value))
        {
            throw new JsonException($"'{text}' is not a decimal in invariant culture.");
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    /// <summary>Formats <paramref name="value"/> the way Sitoo writes it.</summary>
    public string Format(decimal value)
    {
        if (decimal.Round(value, Decimals) != value)
        {
            throw new JsonException($"{value.ToString(CultureInfo.InvariantCulture)} has more than {Decimals} decimals; round it before sending.");
        }
        return value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}

/// <summary>Sitoo money: a string with two decimals.</summary>
internal sealed class SitooMoneyConverter : SitooDecimalConverter
{
    public SitooMoneyConverter()
        : base(2)
    {
    }
}

/// <summary>Sitoo quantities ("decimal" in Sitoo's terms): a string with three decimals.</summary>
internal sealed class SitooQuantityConverter : SitooDecimalConverter
{
    public SitooQuantityConverter()
        : base(3)
    {
    }
}
