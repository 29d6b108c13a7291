using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;

namespace VendorRisk.Web.Infrastructure.UseCases;

/// <summary>
/// Runs every write use case the same way: the caller's role (refusals audited), then the request's validators
/// (FluentValidation; failures keyed by request path), then the handler in one transaction, committed only when it
/// succeeds, with its audit entries in that transaction. Workflow refusals from Domain come out as the service
/// exceptions the pages and the API map (403, 409, 400).
/// </summary>
public sealed class UseCasePipeline(
    IServiceProvider services,
    ICurrentUser currentUser,
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    TimeProvider clock)
{
    private static readonly ConcurrentDictionary<Type, object> Runners = new();
    /// <summary>Each request type's role, read once: reflection on every autosave cost about 1 % of its CPU.</summary>
    private static readonly ConcurrentDictionary<Type, RequiresRoleAttribute> Permissions = new();

    /// <summary>The databases the use cases run on, for the look-ups a caller makes before it runs one.</summary>
    public IDbContextFactory<VendorRiskDbContext> Databases => dbFactory;

    /// <summary>The same pipeline acting as the system (the seeders and the command line), whose role check always passes.</summary>
    public UseCasePipeline AsSystem() => new(services, new SystemCurrentUser(), dbFactory, clock);

    public Task<TResult> RunAsync<TResult>(IUseCase<TResult> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runner = (Runner<TResult>)Runners.GetOrAdd(request.GetType(),
            type => Activator.CreateInstance(typeof(Runner<,>).MakeGenericType(type, typeof(TResult)))!);
        return runner.RunAsync(this, request, cancellationToken);
    }

    /// <summary>
    /// The step every read shares: the caller's role as the query's type declares it (refusals audited), then the
    /// query's validators. Reads need no transaction, so the query service goes on with its own context.
    /// </summary>
    public Task<Actor> AuthorizeAsync<TQuery>(TQuery query, CancellationToken cancellationToken = default) where TQuery : IQuery =>
        AuthorizeCoreAsync(query, cancellationToken);

    /// <summary>
    /// The role <typeparamref name="TRequest"/> declares, checked alone (refusals audited): an endpoint refuses a caller
    /// whose role may not do it before reading the body, so a malformed body from that caller is a 403, not a 400.
    /// </summary>
    public Task<Actor> RequireRoleOfAsync<TRequest>(CancellationToken cancellationToken = default)
    {
        var permission = PermissionOf(typeof(TRequest));
        return currentUser.RequireAsync(permission.Role, permission.Action, null, cancellationToken);
    }

    private async Task<Actor> AuthorizeCoreAsync<TRequest>(TRequest request, CancellationToken cancellationToken, VendorRiskDbContext? db = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var permission = request is IChoosesItsRole chooser ? chooser.RequiredRole : PermissionOf(request.GetType());
        var actor = await currentUser.RequireAsync(permission.Role, permission.Action, db, cancellationToken);
        await ValidateAsync(request, cancellationToken);
        return actor;
    }

    private async Task ValidateAsync<TRequest>(TRequest request, CancellationToken cancellationToken)
    {
        if (RequestText.FindControlCharacters(request!) is { } path)
            throw RequestRefusals.One(path, TextRules.ControlCharacterMessage);
        foreach (var validator in services.GetServices<IValidator<TRequest>>())
            await validator.ThrowIfInvalidAsync(request, cancellationToken);
    }

    private async Task<TResult> RunCoreAsync<TRequest, TResult>(TRequest request, CancellationToken cancellationToken)
        where TRequest : IUseCase<TResult>
    {
        // One context and one open connection for the role check and the transaction: a second of each per autosave
        // cost as much CPU as the save's own queries.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        Actor? actor = null;
        if (request is IActorLoadedByHandler)
            await ValidateAsync(request, cancellationToken);
        else
            actor = await AuthorizeCoreAsync(request, cancellationToken, db);
        var handler = services.GetRequiredService<IUseCaseHandler<TRequest, TResult>>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var context = actor is null ? new UseCaseContext(db, now) : new UseCaseContext(db, actor, now);
        TResult result;
        try
        {
            result = await handler.HandleAsync(request, context, cancellationToken);
            // Most handlers leave their changes to this save; one that saved itself (the autosave) skips a second, empty one.
            if (db.ChangeTracker.HasChanges())
                await db.SaveChangesAsync(cancellationToken);
        }
        catch (WorkflowRefusedException refusal)
        {
            throw ToServiceException(refusal);
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    internal static Exception ToServiceException(WorkflowRefusedException refusal) => refusal.Reason switch
    {
        RefusalReason.NotPermitted => new ForbiddenException(refusal.Message),
        RefusalReason.WrongStatus => new ConflictException(refusal.Message, refusal switch
        {
            { CurrentStatus: { } status, CurrentVersion: { } version } => new { status = KebabEnum.ToKebab(status), version },
            { CurrentStatus: { } status } => new { status = KebabEnum.ToKebab(status) },
            _ => null,
        }),
        _ => new ValidationFailedException(refusal.Field ?? "", refusal.Message),
    };

    private static RequiresRoleAttribute PermissionOf(Type requestType) =>
        Permissions.GetOrAdd(requestType, static type => type.GetCustomAttribute<RequiresRoleAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [RequiresRole]: every use case and query names the role it needs."));

    private abstract class Runner<TResult>
    {
        public abstract Task<TResult> RunAsync(UseCasePipeline pipeline, IUseCase<TResult> request, CancellationToken cancellationToken);
    }

    private sealed class Runner<TRequest, TResult> : Runner<TResult> where TRequest : IUseCase<TResult>
    {
        public override Task<TResult> RunAsync(UseCasePipeline pipeline, IUseCase<TResult> request, CancellationToken cancellationToken) =>
            pipeline.RunCoreAsync<TRequest, TResult>((TRequest)request, cancellationToken);
    }
}
