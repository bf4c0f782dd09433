using System.Text.Json;
using System.Text.Json.Nodes;
using Connectors.Sync.Alerts;
using NodaTime.Text;

namespace Connectors.Hosting.Alerts;

/// <summary>The JSON bodies of the webhook channels.</summary>
internal static class AlertPayloads
{
    /// <summary>The plain JSON webhook: every field of the notification, for a receiver of one's own.</summary>
    public static string Json(AlertNotification notification) => new JsonObject
    {
        ["kind"] = notification.Kind.ToString(),
        ["key"] = notification.Key,
        ["rule"] = notification.Rule,
        ["team"] = notification.Team.ToString(),
        ["title"] = notification.Title,
        ["detail"] = notification.Detail,
        ["fix"] = notification.Fix,
        ["firingSince"] = InstantPattern.ExtendedIso.Format(notification.FiringSince),
        ["at"] = InstantPattern.ExtendedIso.Format(notification.At),
        ["escalated"] = notification.Escalated,
        ["text"] = notification.Text,
    }.ToJsonString(Options);

    /// <summary>
    /// Slack incoming webhooks take a JSON object whose <c>text</c> is the message
    /// (https://docs.slack.dev/tools/java-slack-sdk/guides/incoming-webhooks: <c>{"text":"Hello, World!"}</c>).
    /// </summary>
    public static string Slack(AlertNotification notification) => new JsonObject { ["text"] = notification.Text }.ToJsonString(Options);

    /// <summary>
    /// Teams-compatible incoming webhooks take a MessageCard: <c>@type</c> <c>MessageCard</c>, <c>@context</c>
    /// <c>http://schema.org/extensions</c>, <c>summary</c>, <c>themeColor</c>, <c>title</c>, <c>text</c> and <c>sections</c> with
    /// <c>facts</c> (shape as in https://docs.observeinc.com/docs/sample-action-for-microsoft-teams and the Office 365 connector card
    /// reference). Teams renders <c>text</c> as Markdown, so line breaks are doubled.
    /// </summary>
    public static string Teams(AlertNotification notification) => new JsonObject
    {
        ["@type"] = "MessageCard",
        ["@context"] = "http://schema.org/extensions",
        ["summary"] = notification.Subject,
        ["themeColor"] = notification.Kind == AlertNotificationKind.Resolved ? "2E7D32" : notification.Escalated ? "B71C1C" : "E65100",
        ["title"] = notification.Subject,
        ["text"] = notification.Kind == AlertNotificationKind.Resolved ? notification.Text.Replace("\n", "\n\n", StringComparison.Ordinal) : notification.Detail,
        ["sections"] = new JsonArray(new JsonObject
        {
            ["facts"] = new JsonArray(
                Fact("Owner", notification.Team.ToString()),
                Fact("Fix", notification.Fix),
                Fact("Firing since", InstantPattern.General.Format(notification.FiringSince)),
                Fact("Alert", notification.Key)),
        }),
    }.ToJsonString(Options);

    private static JsonObject Fact(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };
}
