using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connectors.Sitoo.Batches;
using Microsoft.Extensions.Options;

namespace Connectors.Sitoo.Http;

/// <summary>What every area needs: the endpoints, the settings and the shared answer checks.</summary>
internal sealed class SitooApiContext
{
    public SitooApiContext(ISitooRestApi api, IOptionsMonitor<SitooApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Api = api;
        Options = options.CurrentValue;
    }

    public ISitooRestApi Api { get; }

    public SitooApiOptions Options { get; }

    public int SiteId => Options.SiteId;

    public int PageSize => Options.PageSize;

    /// <summary>The <c>fields=</c> value asking for exactly the properties the model reads, because Sitoo's default
    /// field sets leave out fields the SDK needs (e.g. a product's title).</summary>
    public static string FieldsOf<T>(JsonTypeInfo<T> typeInfo) =>
        string.Join(',', typeInfo.Properties.Select(property => property.Name));

    /// <summary>Splits filter values into comma-separated groups of at most <see cref="SitooApiOptions.FilterValuesPerRequest"/>.</summary>
    public IEnumerable<string> FilterGroups(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value) || value.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Filter value '{value}' is empty or contains a comma.", nameof(values));
            }
        }
        return values.Distinct(StringComparer.Ordinal).Chunk(Options.FilterValuesPerRequest).Select(group => string.Join(',', group));
    }

    /// <summary>Awaits a read and refuses an empty answer (Refit yields null for an empty body).</summary>
    public static async Task<T> Required<T>(Task<T?> call, string what)
        where T : class =>
        await call.ConfigureAwait(false)
        ?? throw new SitooApiException($"Sitoo answered {what} with an empty body.", HttpStatusCode.OK);

    /// <summary>Reads the bare id Sitoo answers a create with (a number, or a number in a string).</summary>
    public static long ReadCreatedId(JsonElement answer, string what)
    {
        if (answer.ValueKind == JsonValueKind.Number && answer.TryGetInt64(out var id))
        {
            return id;
        }
        if (answer.ValueKind == JsonValueKind.String
            && long.TryParse(answer.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            return id;
        }
        throw new SitooApiException($"Sitoo answered the creation of {what} without an id.", HttpStatusCode.OK, responseBody: RawText(answer));
    }

    /// <summary>Checks the bare <c>true</c> Sitoo answers an update with.</summary>
    public static void EnsureTrue(JsonElement answer, string what)
    {
        if (answer.ValueKind != JsonValueKind.True)
        {
            throw new SitooApiException($"Sitoo did not confirm {what}.", HttpStatusCode.OK, responseBody: RawText(answer));
        }
    }

    /// <summary>The answer as text for an exception; an empty body gives an undefined element.</summary>
    public static string? RawText(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Undefined ? null : SitooResponseBody.Truncate(answer.GetRawText());

    /// <summary>Sends a batch write and reports every item's outcome.</summary>
    public static async Task<SitooBatchResult> SendBatchAsync<T>(IReadOnlyList<T> items, Func<T[], Task<JsonElement>> send)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return new SitooBatchResult([]);
        }
        JsonElement answer;
        try
        {
            // Arrays, because the body is serialized by its runtime type and the JSON context describes arrays.
            answer = await send(items.ToArray()).ConfigureAwait(false);
        }
        catch (SitooApiException rejected) when (items.Count == 1 && rejected is SitooValidationException or SitooNotFoundException)
        {
            // Sitoo may answer a one-item batch with the item's own outcome instead of a list, so an item's error (e.g. a
            // duplicate e-mail) arrives as the status of the whole response. It is still that item's outcome.
            return new SitooBatchResult([new SitooBatchItemResult(0, (int)rejected.StatusCode, rejected.ErrorText, null)]);
        }

        return new SitooBatchResult(SitooBatchResponseReader.Read(answer, items.Count, firstIndex: 0));
    }
}
