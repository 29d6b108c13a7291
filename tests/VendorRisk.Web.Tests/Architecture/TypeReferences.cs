using Mono.Cecil;

namespace VendorRisk.Web.Tests.Architecture;

/// <summary>
/// Every type a compiled assembly's types use, read with Mono.Cecil: signatures, attributes and method bodies, so a
/// component used only in Razor markup or a type named only inside a method counts too. Nested types (lambdas, state
/// machines) count for the top-level type that holds them, and a reference to a nested or generic type counts as one to each top-level type in it.
/// </summary>
public static class TypeReferences
{
    public static IReadOnlyList<(TypeDefinition Owner, TypeReference Used)> In(System.Reflection.Assembly assembly)
    {
        var found = new List<(TypeDefinition, TypeReference)>();
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        foreach (var type in module.Types)
            Visit(type, used => Flatten(used, plain => found.Add((type, plain))));
        return found;
    }

    /// <summary>The plain top-level types within a reference: generic arguments, array elements and declaring types.</summary>
    private static void Flatten(TypeReference used, Action<TypeReference> found)
    {
        switch (used)
        {
            case GenericParameter:
                return;
            case GenericInstanceType generic:
                Flatten(generic.ElementType, found);
                foreach (var argument in generic.GenericArguments)
                    Flatten(argument, found);
                return;
            case TypeSpecification specification:
                Flatten(specification.ElementType, found);
                return;
        }
        while (used.DeclaringType is not null)
            used = used.DeclaringType;
        found(used);
    }

    private static void Visit(TypeDefinition type, Action<TypeReference> found)
    {
        void Use(TypeReference? used)
        {
            if (used is not null)
                found(used);
        }

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
            Visit(nested, found);
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

}
