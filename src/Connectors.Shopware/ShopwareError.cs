namespace Connectors.Shopware;

/// <summary>One entry of Shopware's <c>errors[]</c> envelope.</summary>
/// <param name="Status">HTTP status as Shopware writes it (a string, e.g. <c>"400"</c>).</param>
/// <param name="Code">Shopware error code (e.g. <c>FRAMEWORK__RESOURCE_NOT_FOUND</c>), an OAuth code, or a Symfony constraint UUID.</param>
/// <param name="Title">Short title; absent on constraint violations.</param>
/// <param name="Detail">Human-readable explanation.</param>
/// <param name="SourcePointer">JSON pointer to the offending field on write errors, e.g. <c>/stock-updates/3/stock</c>.</param>
public sealed record ShopwareError(string? Status, string? Code, string? Title, string? Detail, string? SourcePointer);
