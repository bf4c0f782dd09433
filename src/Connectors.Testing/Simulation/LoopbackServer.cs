using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connectors.Testing.Simulation;

/// <summary>Kestrel on a loopback port (a given one or a free one), translating between ASP.NET Core and a simulator's handler.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<LoopbackServer> StartAsync(SimulatedApi api, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(context => ServeAsync(api, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task ServeAsync(SimulatedApi api, HttpContext context)
    {
        using var request = await ToRequestMessageAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await api.ServeAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            context.Abort();
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
            context.Response.Headers.Remove("Transfer-Encoding");
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<HttpRequestMessage> ToRequestMessageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}"));
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > 0 || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(buffer.ToArray());
        }
        foreach (var header in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }
        return message;
    }
}
