using Connectors.Sync.State;

namespace Connectors.Sync.Monitoring;

/// <summary>How many open problems one team has for one reason.</summary>
/// <param name="ReasonCode">The reason, e.g. <c>MissingProductMapping</c>.</param>
/// <param name="Team">The team that acts on them.</param>
/// <param name="Open">Open records (retrying ones included: they are not solved yet).</param>
public sealed record ExceptionCount(string ReasonCode, OwningTeam Team, int Open);
