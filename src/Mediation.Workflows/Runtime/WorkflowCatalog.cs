using System.Collections.Immutable;
using Mediation.Workflows.Compilation;

namespace Mediation.Workflows.Runtime;

/// <summary>
/// The published workflow versions. Immutable: publishing returns a new catalog, so a host can swap it atomically.
/// A published version never changes; a case stays on the version it started with.
/// </summary>
public sealed class WorkflowCatalog
{
    private readonly ImmutableDictionary<string, ImmutableSortedDictionary<int, CompiledWorkflow>> _byKey;

    private WorkflowCatalog(ImmutableDictionary<string, ImmutableSortedDictionary<int, CompiledWorkflow>> byKey) => _byKey = byKey;

    /// <summary>A catalog with nothing published.</summary>
    public static WorkflowCatalog Empty { get; } = new(ImmutableDictionary.Create<string, ImmutableSortedDictionary<int, CompiledWorkflow>>(StringComparer.Ordinal));

    /// <summary>Every published version.</summary>
    public IEnumerable<CompiledWorkflow> All => _byKey.Values.SelectMany(v => v.Values);

    /// <summary>The newest version of each workflow.</summary>
    public IEnumerable<CompiledWorkflow> Latest => _byKey.Values.Select(v => v.Values.Last());

    /// <summary>Publishes <paramref name="workflow"/>; its version must be newer than every published version of its key.</summary>
    public WorkflowCatalog Publish(CompiledWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var versions = _byKey.TryGetValue(workflow.Key, out var existing) ? existing : ImmutableSortedDictionary<int, CompiledWorkflow>.Empty;
        if (versions.ContainsKey(workflow.Version))
        {
            throw new InvalidOperationException($"{workflow.Key} v{workflow.Version} is already published and cannot change; publish a new version.");
        }

        if (versions.Count > 0 && versions.Keys.Last() > workflow.Version)
        {
            throw new InvalidOperationException($"{workflow.Key} v{workflow.Version} is older than the published v{versions.Keys.Last()}.");
        }

        return new WorkflowCatalog(_byKey.SetItem(workflow.Key, versions.Add(workflow.Version, workflow)));
    }

    /// <summary>The version a case runs on.</summary>
    public CompiledWorkflow? Find(string key, int version) =>
        _byKey.TryGetValue(key, out var versions) && versions.TryGetValue(version, out var workflow) ? workflow : null;

    /// <summary>The newest published version of <paramref name="key"/>.</summary>
    public CompiledWorkflow? FindLatest(string key) =>
        _byKey.TryGetValue(key, out var versions) && versions.Count > 0 ? versions.Values.Last() : null;

    /// <summary>
    /// The workflow a new dispute starts on: among the newest versions, those that handle its category and whose
    /// extra condition holds, the one with the lowest priority number (then by key).
    /// </summary>
    public CompiledWorkflow? SelectFor(CaseFacts facts) =>
        Latest.Where(w => w.AppliesTo(facts))
            .OrderBy(w => w.Definition.Priority)
            .ThenBy(w => w.Key, StringComparer.Ordinal)
            .FirstOrDefault();
}
