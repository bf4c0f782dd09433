namespace Connectors.Testing.Sitoo;

/// <summary>
/// Known defects of the Sitoo description the contract is trimmed from, which would make the simulator refuse
/// requests Sitoo accepts. Each is tolerated as narrowly as the validation messages allow.
/// </summary>
internal static class SitooContractDefects
{
    public static bool IsTolerated(HttpMethod method, string error) =>
        // Updates reuse the create schemas, but Sitoo's own update examples (updateOrder, updateWarehouseBatch) leave
        // out their required fields, and batch updates are keyed by id (productid, userid), not by sku or email.
        (method == HttpMethod.Put && error.Contains(": Required properties", StringComparison.Ordinal))
        // includeinactive is typed as a string whose enum lists JSON booleans, which no query text can match.
        || (error.StartsWith("query parameter 'includeinactive'", StringComparison.Ordinal) && error.Contains("enum", StringComparison.Ordinal));
}
