using Mono.Cecil;

namespace VendorRisk.Web.Tests.Architecture;

/// <summary>Which feature folder uses which other feature folder's types, read from the compiled app (<see cref="TypeReferences"/>).</summary>
public sealed class FeatureDependencyGraph
{
    private const string FeaturesNamespace = "VendorRisk.Web.Features.";

    private readonly Dictionary<(string From, string To), string> _edges = [];

    private FeatureDependencyGraph() { }

    /// <summary>Each edge with one example reference ("FromType uses ToType") to say where to look.</summary>
    public IReadOnlyDictionary<(string From, string To), string> Edges => _edges;

    public IEnumerable<string> Features => _edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order();

    public static FeatureDependencyGraph Of(System.Reflection.Assembly assembly)
    {
        var graph = new FeatureDependencyGraph();
        foreach (var (owner, used) in TypeReferences.In(assembly))
        {
            if (FeatureOf(owner) is { } from)
                graph.Record(from, owner, used);
        }
        return graph;
    }

    /// <summary>The groups of features that reach one another (strongly connected, more than one feature each).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Loops()
    {
        var features = Features.ToList();
        var next = features.ToDictionary(f => f, f => _edges.Keys.Where(e => e.From == f).Select(e => e.To).ToList());
        var reach = features.ToDictionary(f => f, f => Reachable(f, next));
        var seen = new HashSet<string>();
        var loops = new List<IReadOnlyList<string>>();
        foreach (var feature in features)
        {
            if (seen.Contains(feature))
                continue;
            var group = features.Where(other => other == feature || (reach[feature].Contains(other) && reach[other].Contains(feature))).ToList();
            seen.UnionWith(group);
            if (group.Count > 1)
                loops.Add(group);
        }
        return loops;
    }

    public string Describe(IEnumerable<string> group)
    {
        var members = group.ToHashSet();
        return string.Join(Environment.NewLine, _edges
            .Where(e => members.Contains(e.Key.From) && members.Contains(e.Key.To))
            .OrderBy(e => e.Key.From).ThenBy(e => e.Key.To)
            .Select(e => $"  {e.Key.From} -> {e.Key.To}   ({e.Value})"));
    }

    private static HashSet<string> Reachable(string start, Dictionary<string, List<string>> next)
    {
        var found = new HashSet<string>();
        var queue = new Queue<string>(next[start]);
        while (queue.TryDequeue(out var feature))
        {
            if (found.Add(feature))
                foreach (var to in next[feature])
                    queue.Enqueue(to);
        }
        return found;
    }

    private void Record(string from, TypeDefinition owner, TypeReference used)
    {
        if (FeatureOf(used) is { } to && to != from)
            _edges.TryAdd((from, to), $"{owner.FullName} uses {used.FullName}");
    }

    private static string? FeatureOf(TypeReference type) =>
        type.Namespace.StartsWith(FeaturesNamespace, StringComparison.Ordinal)
            ? type.Namespace[FeaturesNamespace.Length..].Split('.')[0]
            : null;
}
