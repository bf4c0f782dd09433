using System.Text.Json;
using System.Text.Json.Serialization;
using Connectors.Core.Inventory;
using NodaTime;
using static Connectors.Core.Tests.Inventory.StockTestData;

namespace Connectors.Core.Tests.Inventory;

public class StockLedgerSerializationTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new UnixTicksInstantConverter() } };

    [Fact]
    public void The_ledger_round_trips_through_json_as_a_plain_value()
    {
        var topology = Stores();
        var ledger = StockLedger.Empty
            .ObserveLevels([Row("A", 1, 6m, reserved: 2m)], topology)
            .Apply([Tx(5, 1, "A", -1m, 5m), Tx(6, 2, "B", 2.5m, 2.5m)], topology).Ledger
            .RecordWrite(StockWrite.Delta("A", 3, 3), 12, T0)
            .ForgetTransactionsBelow(6);

        var json = JsonSerializer.Serialize(ledger, Json);
        var copy = JsonSerializer.Deserialize<StockLedger>(json, Json);

        Assert.Equal(ledger, copy);
        Assert.Equal(12, copy!["A"].LastWrittenStock);
        Assert.True(copy.HasApplied(5));
    }

    private sealed class UnixTicksInstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Instant.FromUnixTimeTicks(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.ToUnixTimeTicks());
    }
}
