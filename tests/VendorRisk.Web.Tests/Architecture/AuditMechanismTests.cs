using Mono.Cecil;
using Mono.Cecil.Cil;
using VendorRisk.Data;

namespace VendorRisk.Web.Tests.Architecture;

/// <summary>
/// Audit entries are written by one mechanism: <c>UseCaseContext.Audit</c> in the use-case pipeline (and the security
/// audit built on it). Nothing else in the app or the data layer calls the Data <c>Audit</c> extension by hand.
/// </summary>
public sealed class AuditMechanismTests
{
    private const string UseCasesNamespace = "VendorRisk.Web.Infrastructure.UseCases";

    [Fact]
    public void Only_the_use_case_pipeline_writes_audit_entries()
    {
        var callers = CallersOfTheAuditExtension(typeof(Program).Assembly)
            .Concat(CallersOfTheAuditExtension(typeof(VendorRiskDbContext).Assembly))
            .Where(caller => caller.Namespace != UseCasesNamespace)
            .Select(caller => caller.Name)
            .ToList();

        Assert.True(callers.Count == 0, "Audit entries written by hand (record them through UseCaseContext.Audit): " + string.Join(", ", callers));
    }

    [Fact]
    public void The_check_sees_the_pipelines_own_call()
    {
        var callers = CallersOfTheAuditExtension(typeof(Program).Assembly).Select(c => c.Name).ToList();

        Assert.Contains("UseCaseContext.Audit", callers);
    }

    /// <summary>Each method that calls the extension, named after its outermost type (async and lambda bodies are nested types).</summary>
    private static List<(string Namespace, string Name)> CallersOfTheAuditExtension(System.Reflection.Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var callers = new List<(string, string)>();
        foreach (var type in module.GetTypes())
        {
            var outer = type;
            while (outer.DeclaringType is not null)
                outer = outer.DeclaringType;
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                if (method.Body.Instructions.Any(CallsTheAuditExtension))
                    callers.Add((outer.Namespace, $"{outer.Name}.{OriginalName(method, type)}"));
            }
        }
        return callers;
    }

    private static bool CallsTheAuditExtension(Instruction instruction) =>
        instruction.OpCode.Code is Code.Call or Code.Callvirt or Code.Ldftn
        && instruction.Operand is MethodReference { Name: nameof(AuditExtensions.Audit) } called
        && called.DeclaringType.FullName == typeof(AuditExtensions).FullName;

    /// <summary>"Audit" for a plain method; the source method's name for a compiler-made async or lambda body.</summary>
    private static string OriginalName(MethodDefinition method, TypeDefinition type) =>
        type.DeclaringType is not null && type.Name.StartsWith('<') ? type.Name[1..type.Name.IndexOf('>', StringComparison.Ordinal)] : method.Name;
}
