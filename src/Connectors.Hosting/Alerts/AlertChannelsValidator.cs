namespace Connectors.Hosting.Alerts;

/// <summary>Refuses channels that could never deliver, naming the key, so a broken channel shows at start and not in an incident.</summary>
internal static class AlertChannelsValidator
{
    public static void Validate(AlertChannelsOptions alerts, List<string> failures)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < alerts.Channels.Count; index++)
        {
            var channel = alerts.Channels[index];
            var key = $"{ConnectorHostingOptions.SectionName}:Alerts:Channels:{index}";
            if (string.IsNullOrWhiteSpace(channel.Name))
            {
                failures.Add($"{key}:Name is required: it names the channel in the alert history.");
            }
            else if (!names.Add(channel.Name))
            {
                failures.Add($"{key}:Name '{channel.Name}' is used by another channel; names must be unique.");
            }

            if (channel.Timeout <= TimeSpan.Zero || channel.Timeout > TimeSpan.FromMinutes(2))
            {
                failures.Add($"{key}:Timeout must be between 0 and 2 minutes.");
            }

            if (channel.Kind == AlertChannelKind.Email)
            {
                ValidateEmail(channel, key, failures);
            }
            else if (channel.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{key}:Url is required for a {channel.Kind} channel: the absolute http(s) URL of the incoming webhook.");
            }
        }
    }

    private static void ValidateEmail(AlertChannelOptions channel, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(channel.SmtpHost))
        {
            failures.Add($"{key}:SmtpHost is required for an Email channel.");
        }

        if (channel.SmtpPort is < 1 or > 65_535)
        {
            failures.Add($"{key}:SmtpPort must be between 1 and 65535.");
        }

        if (!MimeKit.MailboxAddress.TryParse(channel.From ?? "", out _))
        {
            failures.Add($"{key}:From must be an e-mail address, e.g. connector@example.com.");
        }

        if (channel.To.Count == 0 || channel.To.Any(to => !MimeKit.MailboxAddress.TryParse(to, out _)))
        {
            failures.Add($"{key}:To must list at least one e-mail address, and only addresses.");
        }

        if (string.IsNullOrEmpty(channel.UserName) != string.IsNullOrEmpty(channel.Password))
        {
            failures.Add($"{key} needs both UserName and Password, or neither.");
        }
    }
}
