namespace Connectors.Hosting.Alerts;

/// <summary>A channel did not take a notification. The message names the channel and the answer, never its URL or password.</summary>
public sealed class AlertDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AlertDeliveryException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, without secrets.</param>
    public AlertDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, without secrets.</param>
    /// <param name="innerException">The cause (its message may hold the host name, never the URL's path).</param>
    public AlertDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
