namespace Connectors.Hosting.Dashboard;

/// <summary>What an operator can do with an exception record from the dashboard.</summary>
internal enum ExceptionAction
{
    Retry,
    Resolve,
    Ignore,
}
