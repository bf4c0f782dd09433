using Microsoft.Extensions.Options;

namespace Connectors.Hosting;

/// <summary>Rejects unusable settings at start-up instead of at the first delivery.</summary>
internal sealed class ConnectorHostingOptionsValidator : IValidateOptions<ConnectorHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorHostingOptions options)
    {
        var failures = new List<string>();
        var sitoo = options.SitooEvents;
        if (string.IsNullOrEmpty(sitoo.UserName) != string.IsNullOrEmpty(sitoo.Password))
        {
            failures.Add($"{ConnectorHostingOptions.SectionName}:SitooEvents needs both UserName and Password, or neither.");
        }

        if (sitoo.UserName?.Contains(':', StringComparison.Ordinal) == true)
        {
            failures.Add($"{ConnectorHostingOptions.SectionName}:SitooEvents:UserName cannot contain ':' (HTTP Basic).");
        }

        var shopware = options.ShopwareWebhooks;
        if (!string.IsNullOrEmpty(shopware.PreviousAppSecret) && !shopware.IsConfigured)
        {
            failures.Add($"{ConnectorHostingOptions.SectionName}:ShopwareWebhooks:PreviousAppSecret needs AppSecret.");
        }

        if (shopware.TimestampTolerance is { } tolerance && tolerance <= TimeSpan.Zero)
        {
            failures.Add($"{ConnectorHostingOptions.SectionName}:ShopwareWebhooks:TimestampTolerance must be positive when set.");
        }

        if (options.StoreUnavailableRetryAfter < TimeSpan.FromSeconds(1) || options.StoreUnavailableRetryAfter > TimeSpan.FromHours(1))
        {
            failures.Add($"{ConnectorHostingOptions.SectionName}:StoreUnavailableRetryAfter must be between 1 second and 1 hour.");
        }

        ValidateDashboard(options.Dashboard, failures);
        Alerts.AlertChannelsValidator.Validate(options.Alerts, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateDashboard(ConnectorDashboardOptions dashboard, List<string> failures)
    {
        const string Section = ConnectorHostingOptions.SectionName + ":Dashboard";
        if (dashboard.AuthorizationPolicy is { } policy && string.IsNullOrWhiteSpace(policy))
        {
            failures.Add($"{Section}:AuthorizationPolicy must name a policy when set.");
        }

        if (string.IsNullOrWhiteSpace(dashboard.Title))
        {
            failures.Add($"{Section}:Title is required.");
        }

        if (dashboard.CursorNames.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{Section}:CursorNames must not contain empty names.");
        }

        if (dashboard.MaxExceptions is < 1 or > 10_000)
        {
            failures.Add($"{Section}:MaxExceptions must be between 1 and 10000.");
        }

        if (dashboard.MaxRuns is < 1 or > 10_000)
        {
            failures.Add($"{Section}:MaxRuns must be between 1 and 10000.");
        }

        if (dashboard.CountLimit is < 1 or > 100_000)
        {
            failures.Add($"{Section}:CountLimit must be between 1 and 100000.");
        }
    }
}
