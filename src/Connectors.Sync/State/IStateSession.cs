namespace Connectors.Sync.State;

/// <summary>The parts of the durable state, reached either directly on the store or inside one unit of work.</summary>
public interface IStateSession
{
    /// <summary>Webhook deliveries, stored before they are acknowledged.</summary>
    IInbox Inbox { get; }

    /// <summary>Named high-water marks of the polling paths.</summary>
    ICursors Cursors { get; }

    /// <summary>Units of work to do, claimed with leases.</summary>
    IWorkItems WorkItems { get; }

    /// <summary>Stock memory per SKU and location, and the source facts already applied.</summary>
    ILedger Ledger { get; }

    /// <summary>Shopware id ↔ Sitoo id per entity type.</summary>
    ILinks Links { get; }

    /// <summary>The operators' list of problems.</summary>
    IExceptionLog Exceptions { get; }

    /// <summary>History of pipeline runs.</summary>
    IRunHistory Runs { get; }

    /// <summary>The latest version of named documents such as the drift report.</summary>
    ISnapshots Snapshots { get; }

    /// <summary>Which instance polls each source.</summary>
    ISourceLeases SourceLeases { get; }
}
