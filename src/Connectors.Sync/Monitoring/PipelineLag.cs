using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Monitoring;

/// <summary>How far one polling pipeline is behind.</summary>
/// <param name="Pipeline">The pipeline (its runs' name), e.g. <c>sitoo.warehouse-transactions</c>.</param>
/// <param name="Cursor">Its cursor's name.</param>
/// <param name="Position">Where its cursor stands; <see langword="null"/> before the first fact.</param>
/// <param name="CursorAge">How long ago the cursor last moved (new facts arrived); <see langword="null"/> before the first fact.</param>
/// <param name="SinceLastSuccess">
/// How long ago the pipeline last read its source without failing; <see langword="null"/> when it never did. This, not the
/// cursor's age, is the lag: a quiet source leaves the cursor alone, a failing one leaves this growing.
/// </param>
public sealed record PipelineLag(string Pipeline, string Cursor, CursorPosition? Position, Duration? CursorAge, Duration? SinceLastSuccess);

/// <summary>The stock lag (a change in Sitoo until its write to Shopware) of this process over the last 15 minutes.</summary>
/// <param name="Samples">How many samples the 15 minutes hold.</param>
/// <param name="P50">The median, in milliseconds; <see langword="null"/> without samples.</param>
/// <param name="P99">The 99th percentile, in milliseconds; <see langword="null"/> without samples.</param>
public sealed record StockLagSummary(long Samples, double? P50, double? P99);
