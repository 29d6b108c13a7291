using System.Reflection;
using FluentValidation;

namespace VendorRisk.Web.Infrastructure.UseCases;

public static class UseCaseRegistration
{
    /// <summary>
    /// The pipeline, and every use-case handler and request validator in <paramref name="assembly"/>, so a new use case
    /// is a request, a validator and a handler in its feature folder and nothing else.
    /// </summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        services.AddScoped<UseCasePipeline>();
        services.AddScoped<SecurityAudit>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IUseCaseHandler<,>)
                    || (definition == typeof(IValidator<>) && IsUseCaseRequest(contract.GetGenericArguments()[0])))
                {
                    services.AddScoped(contract, type);
                    services.AddScoped(type);
                }
            }
        }
        return services;
    }

    private static bool IsUseCaseRequest(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IUseCase<>))
        || typeof(IQuery).IsAssignableFrom(type);
}
