using Connectors.Sync.Alerts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Hosting.Webhooks;

/// <summary>
/// Reports each webhook answer (2xx or not) to <see cref="AlertSignals"/> when the engine is registered, so a run of
/// refused deliveries raises an alert before the sender gives up (Shopware turns a webhook off after 10 failures).
/// </summary>
internal static class WebhookAnswerWatch
{
    public static void Track(HttpContext context, string source)
    {
        if (context.RequestServices.GetService<AlertSignals>() is not { } signals)
        {
            return;
        }

        // OnStarting: the status is final and the sender has not seen it yet.
        context.Response.OnStarting(() =>
        {
            signals.WebhookAnswered(source, context.Response.StatusCode is >= 200 and < 300);
            return Task.CompletedTask;
        });
    }
}
