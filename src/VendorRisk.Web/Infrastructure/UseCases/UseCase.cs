namespace VendorRisk.Web.Infrastructure.UseCases;

/// <summary>A request for a write use case that answers <typeparamref name="TResult"/>.</summary>
public interface IUseCase<TResult>;

/// <summary>The answer of a use case that returns nothing but success.</summary>
public readonly record struct Done;

/// <summary>
/// The role a use case needs, and what it does in words for the refusal ("Your role (Viewer) may not
/// <c>create vendors</c>; it needs Assessor."). Every request type carries one; the pipeline refuses to run one without.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(string role, string action) : Attribute
{
    public string Role { get; } = role;
    public string Action { get; } = action;
}

/// <summary>
/// For the rare use case whose role depends on what it asks (moving a finding to risk-accepted needs a Reviewer,
/// other changes an Assessor): the request names its role itself, instead of <see cref="RequiresRoleAttribute"/>.
/// </summary>
public interface IChoosesItsRole
{
    RequiresRoleAttribute RequiredRole { get; }
}

/// <summary>
/// A use case of a caller who is no signed-in user of the app: a vendor contact through a portal link, whom the portal's
/// own cookie authenticated before the endpoint ran. It names no role; its handler loads who acts (the link's invitation)
/// inside the transaction and names them with <see cref="UseCaseContext.ActAs"/> before it records anything.
/// </summary>
public interface IActorLoadedByHandler;

/// <summary>
/// Does one use case inside the pipeline's transaction: loads, asks Domain, changes entities and records what
/// happened with <see cref="UseCaseContext.Audit"/>. It neither checks the caller's role nor validates the request's
/// shape (the pipeline did both) nor commits.
/// </summary>
public interface IUseCaseHandler<in TRequest, TResult> where TRequest : IUseCase<TResult>
{
    Task<TResult> HandleAsync(TRequest request, UseCaseContext context, CancellationToken cancellationToken);
}
