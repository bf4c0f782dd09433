using Connectors.Hosting.Alerts;

namespace Connectors.Hosting.Tests.Alerts;

/// <summary>The e-mail channel against a real SMTP server on loopback (aiosmtpd, see <see cref="SmtpServer"/>).</summary>
public sealed class EmailAlertChannelTests
{
    private static Dictionary<string, string?> Settings(int port) => new()
    {
        ["0:Name"] = "retail-mail",
        ["0:Kind"] = "Email",
        ["0:SmtpHost"] = SmtpServer.Host,
        ["0:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["0:Security"] = "None",
        ["0:From"] = "connector@example.com",
        ["0:To:0"] = "retail-ops@example.com",
        ["0:To:1"] = "Store Lead <lead@example.com>",
    };

    [Fact]
    public async Task An_alert_arrives_as_a_plain_text_mail_with_subject_owner_and_fix_to_every_recipient()
    {
        await SmtpServer.EnsureRunningAsync();
        var channel = Assert.Single(Notifications.Channels(Settings(SmtpServer.Port)));
        var key = "test-alert:" + Guid.NewGuid().ToString("N");
        var notification = Notifications.Firing(key);

        await channel.SendAsync(notification, default);

        var message = SmtpServer.FindMessage("X-Connector-Alert", key);
        Assert.NotNull(message);
        Assert.Equal("[FIRING] Ecommerce: 12 open MissingProductMapping exceptions (threshold 10)", message.Subject);
        Assert.Equal("connector@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal(["retail-ops@example.com", "lead@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("retail-ops@example.com, lead@example.com", message.Headers["X-RcptTo"]); // the envelope the server accepted
        Assert.Equal("text/plain", message.Body?.ContentType.MimeType);
        var text = message.TextBody ?? "";
        Assert.Equal(notification.Text, text.TrimEnd());
        Assert.Contains("Owner: Ecommerce.", text, StringComparison.Ordinal);
        Assert.Contains("Fix: Create the product in Shopware with the SKU as its product number.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_fails_the_delivery_naming_the_channel_and_server()
    {
        var channel = Assert.Single(Notifications.Channels(Settings(9)));

        var failure = await Assert.ThrowsAsync<AlertDeliveryException>(() => channel.SendAsync(Notifications.Firing(), default));

        Assert.StartsWith($"E-mail channel 'retail-mail' could not send via {SmtpServer.Host}:9:", failure.Message, StringComparison.Ordinal);
    }
}
