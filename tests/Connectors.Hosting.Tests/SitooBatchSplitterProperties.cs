using System.Text;
using System.Text.Json.Nodes;
using Connectors.Hosting.Webhooks;
using Connectors.Sync;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Hosting.Tests;

/// <summary>Nothing Sitoo sends is lost on the way into the inbox, whatever the bytes.</summary>
public sealed class SitooBatchSplitterProperties
{
    private static readonly Dictionary<string, string> _noHeaders = [];

    [Property]
    public bool Any_body_yields_deliveries_with_ids_and_the_same_ids_every_time(byte[] body)
    {
        var first = SitooBatchSplitter.Split(body, _noHeaders);
        var again = SitooBatchSplitter.Split(body, _noHeaders);

        return first.All(d => d.Source == InboxSources.Sitoo && d.EventId.Length > 0 && d.EventType.Length > 0)
            && first.Select(d => d.EventId).SequenceEqual(again.Select(d => d.EventId))
            && (first.Count > 0 || Encoding.UTF8.GetString(body).Trim() == "[]");
    }

    [Property]
    public FsCheck.Property A_batch_of_events_becomes_one_delivery_per_event_carrying_its_own_json()
    {
        var ids = Gen.Choose(1, 1_000_000).Select(i => "e-" + i).ListOf().Select(l => l.Distinct().ToList());
        return Prop.ForAll(ids.ToArbitrary(), eventIds =>
        {
            var batch = new JsonArray([.. eventIds.Select(id => (JsonNode)new JsonObject
            {
                ["event_id"] = id,
                ["event_type"] = "warehouse-transaction",
                ["data"] = new JsonObject { ["warehouse_transaction_id"] = 7 },
            })]);

            var deliveries = SitooBatchSplitter.Split(Encoding.UTF8.GetBytes(batch.ToJsonString()), _noHeaders);

            return deliveries.Select(d => d.EventId).SequenceEqual(eventIds)
                && deliveries.All(d => JsonNode.Parse(d.Body.Span)!["event_id"]!.GetValue<string>() == d.EventId);
        });
    }
}
