using System.Globalization;

namespace Connectors.Sync.Engine;

/// <summary>The work item keys of scheduled job runs: one per job and time slot, so a slot runs once however many instances queue it.</summary>
internal static class ScheduledJobKeys
{
    /// <summary>What every key of <paramref name="kind"/>'s runs starts with.</summary>
    public static string Prefix(string kind) => "job:" + kind + ":";

    /// <summary>The key of <paramref name="kind"/>'s run in time slot <paramref name="slot"/>.</summary>
    public static string Key(string kind, long slot) => Prefix(kind) + slot.ToString(CultureInfo.InvariantCulture);
}
