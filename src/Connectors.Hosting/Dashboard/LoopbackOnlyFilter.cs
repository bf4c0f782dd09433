using System.Net;
using Microsoft.AspNetCore.Http;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// The dashboard's protection when no authorization policy is configured: only clients on this machine are served,
/// everyone else gets 403. A request whose remote address is unknown is refused too.
/// </summary>
internal sealed class LoopbackOnlyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return IsLoopback(context.HttpContext.Connection.RemoteIpAddress)
            ? next(context)
            : ValueTask.FromResult<object?>(Results.Text(
                $"The connector dashboard serves loopback clients only. Configure {ConnectorHostingOptions.SectionName}:Dashboard:AuthorizationPolicy to open it to others.",
                statusCode: StatusCodes.Status403Forbidden));
    }

    internal static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
