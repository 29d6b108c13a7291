using System.Reflection;
using VendorRisk.Data;
using VendorRisk.Reports;

namespace VendorRisk.Web.Tests.Architecture;

/// <summary>Dependencies point inward: Web → Data, Reports, Domain; Data → Domain; Reports and Domain know no outer layer.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Actor).Assembly;
    private static readonly Assembly Data = typeof(VendorRiskDbContext).Assembly;
    private static readonly Assembly ReportKit = typeof(IReportRenderer).Assembly;

    [Fact]
    public void Domain_references_nothing_but_the_runtime_and_FluentValidation()
    {
        var others = References(Domain).Where(name => !IsRuntime(name) && name != "FluentValidation").ToList();

        Assert.Empty(others);
    }

    [Fact]
    public void Data_knows_neither_the_web_app_nor_the_reports()
    {
        // Identity's and data protection's EF stores live here by design; the web app itself does not.
        Assert.DoesNotContain("VendorRisk.Web", References(Data));
        Assert.DoesNotContain("VendorRisk.Reports", References(Data));
        Assert.DoesNotContain("Microsoft.AspNetCore.Components", References(Data));
    }

    [Fact]
    public void Reports_know_neither_the_web_app_nor_the_database()
    {
        Assert.DoesNotContain("VendorRisk.Web", References(ReportKit));
        Assert.DoesNotContain("VendorRisk.Data", References(ReportKit));
        Assert.DoesNotContain(References(ReportKit), name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_web_app_is_seen_using_every_inner_layer()
    {
        var web = References(typeof(Program).Assembly);

        Assert.Contains("VendorRisk.Domain", web);
        Assert.Contains("VendorRisk.Data", web);
        Assert.Contains("VendorRisk.Reports", web);
    }

    private static List<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

    private static bool IsRuntime(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);
}
