namespace VendorRisk.Web.Tests.Architecture;

/// <summary>Feature folders may use one another, but never in a loop: a loop means neither can change or move alone.</summary>
public sealed class FeatureDependencyTests
{
    private static readonly FeatureDependencyGraph Graph = FeatureDependencyGraph.Of(typeof(Program).Assembly);

    [Fact]
    public void No_feature_folder_depends_on_itself_through_other_features()
    {
        var loops = Graph.Loops();

        Assert.True(loops.Count == 0, "Dependency loops between feature folders:" + Environment.NewLine + string.Join(
            Environment.NewLine, loops.Select(l => string.Join(", ", l) + ":" + Environment.NewLine + Graph.Describe(l))));
    }

    [Fact]
    public void Shared_uses_no_feature_folder()
    {
        var used = Graph.Edges.Where(e => e.Key.From == "Shared").Select(e => e.Value).ToList();

        Assert.True(used.Count == 0, "Features/Shared is for what features share, so it uses none of them:" + Environment.NewLine + string.Join(Environment.NewLine, used));
    }

    [Fact]
    public void The_graph_sees_components_used_only_in_markup()
    {
        // The dashboard shows the findings and evidence cards by tag alone; a graph that missed them would pass anything.
        Assert.Contains(("Dashboard", "Findings"), Graph.Edges.Keys);
        Assert.Contains(("Dashboard", "EvidenceFiles"), Graph.Edges.Keys);
    }
}
