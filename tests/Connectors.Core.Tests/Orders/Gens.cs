using FsCheck;
using FsCheck.Fluent;

namespace Connectors.Core.Tests.Orders;

internal static class Gens
{
    /// <summary>Lists of <paramref name="min"/> to <paramref name="max"/> elements.</summary>
    public static Gen<List<T>> ListBetween<T>(this Gen<T> gen, int min, int max) =>
        from length in Gen.Choose(min, max)
        from list in gen.ListOf(length)
        select list;
}
