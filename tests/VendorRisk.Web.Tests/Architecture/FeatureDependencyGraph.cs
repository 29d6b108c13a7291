using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VendorRisk.Web.Tests.Architecture;

/// <summary>
/// Which feature folder uses which other feature folder's types, read from the compiled app: signatures, attributes
/// and method bodies, so a component used only in Razor markup or a type named only inside a method counts too.
/// </summary>
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
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        foreach (var type in module.Types)
            graph.Visit(type, type);
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

    private void Visit(TypeDefinition type, TypeDefinition owner)
    {
        if (FeatureOf(owner) is not { } from)
            return;
        void Use(TypeReference? used) => Record(from, owner, used);

        Use(type.BaseType);
        foreach (var i in type.Interfaces)
            Use(i.InterfaceType);
        UseAttributes(type, Use);
        foreach (var field in type.Fields)
        {
            Use(field.FieldType);
            UseAttributes(field, Use);
        }
        foreach (var property in type.Properties)
        {
            Use(property.PropertyType);
            UseAttributes(property, Use);
        }
        foreach (var method in type.Methods)
            VisitMethod(method, Use);
        foreach (var nested in type.NestedTypes)
            Visit(nested, owner);
    }

    private static void VisitMethod(MethodDefinition method, Action<TypeReference?> use)
    {
        use(method.ReturnType);
        foreach (var parameter in method.Parameters)
            use(parameter.ParameterType);
        UseAttributes(method, use);
        if (!method.HasBody)
            return;
        foreach (var variable in method.Body.Variables)
            use(variable.VariableType);
        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference t:
                    use(t);
                    break;
                case MethodReference m:
                    use(m.DeclaringType);
                    use(m.ReturnType);
                    foreach (var p in m.Parameters)
                        use(p.ParameterType);
                    if (m is GenericInstanceMethod g)
                        foreach (var a in g.GenericArguments)
                            use(a);
                    break;
                case FieldReference f:
                    use(f.DeclaringType);
                    use(f.FieldType);
                    break;
            }
        }
    }

    private static void UseAttributes(ICustomAttributeProvider provider, Action<TypeReference?> use)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            use(attribute.AttributeType);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)))
                if (argument.Value is TypeReference t)
                    use(t);
        }
    }

    private void Record(string from, TypeDefinition owner, TypeReference? used)
    {
        switch (used)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Record(from, owner, generic.ElementType);
                foreach (var argument in generic.GenericArguments)
                    Record(from, owner, argument);
                return;
            case TypeSpecification specification:
                Record(from, owner, specification.ElementType);
                return;
        }
        var outer = used;
        while (outer.DeclaringType is not null)
            outer = outer.DeclaringType;
        if (FeatureOf(outer) is { } to && to != from)
            _edges.TryAdd((from, to), $"{owner.FullName} uses {outer.FullName}");
    }

    private static string? FeatureOf(TypeReference type) =>
        type.Namespace.StartsWith(FeaturesNamespace, StringComparison.Ordinal)
            ? type.Namespace[FeaturesNamespace.Length..].Split('.')[0]
            : null;
}
