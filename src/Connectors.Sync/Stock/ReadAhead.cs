namespace Connectors.Sync.Stock;

/// <summary>
/// One read of a cursor-ordered source started before it is needed, so that it runs while the caller does other work
/// (the stock intake's next step, read while the pass's stock writes go out). Only a poll starting at the same cursor
/// takes it, and only a read worth keeping: one that found the source caught up may be out of date when taken, so the
/// poll reads again. Not thread-safe: the one loop that polls the source starts and takes it.
/// </summary>
/// <typeparam name="T">What a read returns.</typeparam>
/// <param name="keep">Whether a finished read may stand for a read made when it is taken.</param>
internal sealed class ReadAhead<T>(Func<T, bool> keep)
    where T : class
{
    private Pending? _pending;

    /// <summary>Starts <paramref name="read"/> from <paramref name="cursor"/>, dropping a read started earlier and not taken.</summary>
    public void Start(long cursor, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        Drop();
        _pending = new Pending(cursor, read(cancellationToken));
    }

    /// <summary>
    /// The read started from <paramref name="cursor"/>, or <see langword="null"/> when there is none, it started elsewhere,
    /// is not worth keeping, or failed (the caller then reads itself, and meets a lasting failure there).
    /// </summary>
    public async Task<T?> TakeAsync(long cursor)
    {
        if (_pending is not { } pending)
        {
            return null;
        }

        _pending = null;
        if (pending.Cursor != cursor)
        {
            Observe(pending.Read);
            return null;
        }

        try
        {
            var result = await pending.Read.ConfigureAwait(false);
            return keep(result) ? result : null;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            return null;
        }
    }

    private void Drop()
    {
        if (_pending is { } pending)
        {
            Observe(pending.Read);
            _pending = null;
        }
    }

    /// <summary>A dropped read's failure is of no interest, but must not surface as an unobserved task exception.</summary>
    private static void Observe(Task<T> read) =>
        _ = read.ContinueWith(
            static task => _ = task.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private sealed record Pending(long Cursor, Task<T> Read);
}
