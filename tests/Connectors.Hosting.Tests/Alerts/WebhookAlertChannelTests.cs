using System.Text.Json;
using Connectors.Hosting.Alerts;
using Connectors.Sync.Alerts;
using Connectors.Sync.State;

namespace Connectors.Hosting.Tests.Alerts;

/// <summary>The webhook channels against a real HTTP receiver on loopback: the bodies each kind sends, and its failures.</summary>
public sealed class WebhookAlertChannelTests : IAsyncLifetime
{
    private LoopbackReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private IAlertChannel Channel(string kind, string path = "hook", Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["0:Name"] = "ops-" + kind.ToLowerInvariant(),
            ["0:Kind"] = kind,
            ["0:Url"] = new Uri(_receiver.BaseAddress, path).ToString(),
        };
        foreach (var (key, value) in more ?? [])
        {
            settings["0:" + key] = value;
        }

        return Assert.Single(Notifications.Channels(settings));
    }

    [Fact]
    public async Task The_json_webhook_posts_every_field_of_the_notification()
    {
        var channel = Channel("Webhook");

        await channel.SendAsync(Notifications.Firing(), default);

        var (path, contentType, body) = Assert.Single(_receiver.Requests);
        Assert.Equal(("/hook", "application/json; charset=utf-8"), (path, contentType));
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("Firing", root.GetProperty("kind").GetString());
        Assert.Equal("exceptions:MissingProductMapping:Ecommerce", root.GetProperty("key").GetString());
        Assert.Equal("Ecommerce", root.GetProperty("team").GetString());
        Assert.Equal("Create the product in Shopware with the SKU as its product number.", root.GetProperty("fix").GetString());
        Assert.Equal("2026-12-01T08:00:00Z", root.GetProperty("firingSince").GetString());
        Assert.False(root.GetProperty("escalated").GetBoolean());
        Assert.StartsWith("[FIRING] Ecommerce: 12 open MissingProductMapping exceptions", root.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_slack_channel_posts_the_text_alone()
    {
        var channel = Channel("Slack", "services/T000/B000/XXXX");

        await channel.SendAsync(Notifications.Firing(), default);

        using var json = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        var text = Assert.Single(json.RootElement.EnumerateObject());
        Assert.Equal("text", text.Name);
        Assert.Equal(Notifications.Firing().Text, text.Value.GetString());
        Assert.Contains("Owner: Ecommerce.", text.Value.GetString(), StringComparison.Ordinal);
        Assert.Contains("Fix: Create the product in Shopware", text.Value.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_teams_channel_posts_a_message_card_with_owner_and_fix_as_facts()
    {
        var channel = Channel("Teams");

        await channel.SendAsync(Notifications.Firing(escalated: true), default);

        using var json = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        var card = json.RootElement;
        Assert.Equal("MessageCard", card.GetProperty("@type").GetString());
        Assert.Equal("http://schema.org/extensions", card.GetProperty("@context").GetString());
        Assert.Equal("[ESCALATED] Ecommerce: 12 open MissingProductMapping exceptions (threshold 10)", card.GetProperty("summary").GetString());
        Assert.Equal("B71C1C", card.GetProperty("themeColor").GetString());
        var facts = card.GetProperty("sections")[0].GetProperty("facts").EnumerateArray()
            .ToDictionary(fact => fact.GetProperty("name").GetString()!, fact => fact.GetProperty("value").GetString());
        Assert.Equal("Ecommerce", facts["Owner"]);
        Assert.Equal("Create the product in Shopware with the SKU as its product number.", facts["Fix"]);
    }

    [Fact]
    public async Task A_refusing_receiver_fails_the_delivery_naming_the_channel_and_answer_but_never_the_url()
    {
        var channel = Channel("Slack", "services/T000/B000/SECRET-TOKEN");
        _receiver.Status = 404;

        var failure = await Assert.ThrowsAsync<AlertDeliveryException>(() => channel.SendAsync(Notifications.Firing(), default));

        Assert.Equal("Slack channel 'ops-slack' answered 404 Not Found.", failure.Message);
    }

    [Fact]
    public async Task An_unreachable_receiver_fails_the_delivery_without_the_url()
    {
        // Port 9 (discard) has no listener on a test machine: the connection is refused.
        var closed = Assert.Single(Notifications.Channels(new Dictionary<string, string?>
        {
            ["0:Name"] = "ops",
            ["0:Kind"] = "Webhook",
            ["0:Url"] = "http://127.0.0.1:9/hooks/SECRET-TOKEN",
        }));

        var failure = await Assert.ThrowsAsync<AlertDeliveryException>(() => closed.SendAsync(Notifications.Firing(), default));

        Assert.StartsWith("Webhook channel 'ops' could not be reached", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void First_line_channels_take_everything_of_their_teams_and_escalation_channels_only_escalated_alerts()
    {
        var channels = Notifications.Channels(new Dictionary<string, string?>
        {
            ["0:Name"] = "ecommerce", ["0:Kind"] = "Slack", ["0:Url"] = "https://hooks.example.com/a", ["0:Teams:0"] = "Ecommerce",
            ["1:Name"] = "everyone", ["1:Kind"] = "Teams", ["1:Url"] = "https://hooks.example.com/b",
            ["2:Name"] = "on-call", ["2:Kind"] = "Webhook", ["2:Url"] = "https://pager.example.com/c", ["2:Escalation"] = "true",
        });
        string[] Takers(AlertNotification notification) => [.. channels.Where(c => c.Accepts(notification)).Select(c => c.Name)];

        Assert.Equal(["ecommerce", "everyone"], Takers(Notifications.Firing()));
        Assert.Equal(["everyone"], Takers(Notifications.Firing(team: OwningTeam.Finance)));
        Assert.Equal(["ecommerce", "everyone", "on-call"], Takers(Notifications.Firing(escalated: true)));
        Assert.Equal(["everyone", "on-call"], Takers(Notifications.Resolved(Notifications.Firing(team: OwningTeam.Retail, escalated: true))));
    }

    [Fact]
    public void Channels_that_could_never_deliver_are_refused_at_start_naming_the_key()
    {
        var options = new ConnectorHostingOptions
        {
            Alerts =
            {
                Channels =
                [
                    new AlertChannelOptions { Name = "a", Kind = AlertChannelKind.Slack },
                    new AlertChannelOptions { Name = "a", Kind = AlertChannelKind.Email, SmtpHost = "smtp.example.com", From = "not an address", UserName = "u" },
                ],
            },
        };

        var result = new ConnectorHostingOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Connectors:Hosting:Alerts:Channels:0:Url is required for a Slack channel: the absolute http(s) URL of the incoming webhook.",
                "Connectors:Hosting:Alerts:Channels:1:Name 'a' is used by another channel; names must be unique.",
                "Connectors:Hosting:Alerts:Channels:1:From must be an e-mail address, e.g. connector@example.com.",
                "Connectors:Hosting:Alerts:Channels:1:To must list at least one e-mail address, and only addresses.",
                "Connectors:Hosting:Alerts:Channels:1 needs both UserName and Password, or neither.",
            ],
            result.Failures);
        Assert.DoesNotContain("hooks", new AlertChannelOptions { Name = "x", Url = new Uri("https://hooks.example.com/T/B/SECRET") }.ToString(), StringComparison.Ordinal);
    }
}
