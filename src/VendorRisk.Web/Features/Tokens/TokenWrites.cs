using System.Security.Cryptography;
using FluentValidation;

namespace VendorRisk.Web.Features.Tokens;

/// <summary>A token for the caller.</summary>
[RequiresRole(Roles.Viewer, "create API tokens")]
public sealed record CreateApiTokenRequest(string Name, int Days) : IUseCase<CreatedApiToken>;

/// <summary>A token for another user (the command line acts as the system).</summary>
[RequiresRole(Roles.Admin, "create API tokens for other users")]
public sealed record CreateApiTokenForUserRequest(string UserId, string Name, int Days) : IUseCase<CreatedApiToken>;

/// <summary>Revoke one of the caller's own tokens.</summary>
[RequiresRole(Roles.Viewer, "revoke API tokens")]
public sealed record RevokeApiTokenRequest(int Id) : IUseCase<Done>;

[RequiresRole(Roles.Admin, "revoke other users' API tokens")]
public sealed record RevokeAnyApiTokenRequest(int Id) : IUseCase<Done>;

public sealed class CreateApiTokenValidator : AbstractValidator<CreateApiTokenRequest>
{
    public CreateApiTokenValidator() => ApiTokenRules.Apply(this, r => r.Name, r => r.Days);
}

public sealed class CreateApiTokenForUserValidator : AbstractValidator<CreateApiTokenForUserRequest>
{
    public CreateApiTokenForUserValidator() => ApiTokenRules.Apply(this, r => r.Name, r => r.Days);
}

internal static class ApiTokenRules
{
    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string> name, Func<T, int> days)
    {
        validator.RuleFor(r => TextRules.CleanName(name(r))).Cascade(CascadeMode.Stop)
            .Must(n => n.Length > 0).WithMessage("Give the token a name (what it is for).")
            .Must(n => TextRules.Length(n) <= TokenService.NameMaxLength).WithMessage($"Use at most {TokenService.NameMaxLength} characters.")
            .OverridePropertyName("name");
        validator.RuleFor(r => days(r)).InclusiveBetween(1, TokenService.MaxDays)
            .WithMessage($"A token lives 1 to {TokenService.MaxDays} days.").OverridePropertyName("days");
    }
}

/// <summary>A token is shown once, stored only as its SHA-256; creating and revoking are security events.</summary>
public sealed class ApiTokenHandlers :
    IUseCaseHandler<CreateApiTokenRequest, CreatedApiToken>,
    IUseCaseHandler<CreateApiTokenForUserRequest, CreatedApiToken>,
    IUseCaseHandler<RevokeApiTokenRequest, Done>,
    IUseCaseHandler<RevokeAnyApiTokenRequest, Done>
{
    private const int DisplayPrefixLength = 10;

    public Task<CreatedApiToken> HandleAsync(CreateApiTokenRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        CreateAsync(context, context.Actor.UserId, request.Name, request.Days, cancellationToken);

    public Task<CreatedApiToken> HandleAsync(CreateApiTokenForUserRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        CreateAsync(context, request.UserId, request.Name, request.Days, cancellationToken);

    public Task<Done> HandleAsync(RevokeApiTokenRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        RevokeAsync(context, request.Id, onlyUserId: context.Actor.UserId, cancellationToken);

    public Task<Done> HandleAsync(RevokeAnyApiTokenRequest request, UseCaseContext context, CancellationToken cancellationToken) =>
        RevokeAsync(context, request.Id, onlyUserId: null, cancellationToken);

    private static async Task<CreatedApiToken> CreateAsync(UseCaseContext context, string userId, string name, int days, CancellationToken cancellationToken)
    {
        name = TextRules.CleanName(name);
        var db = context.Db;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.IsDisabled }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No user with id {userId}.");
        if (user.IsDisabled)
            throw RequestRefusals.One("userId", $"{user.Email} is disabled; a disabled user gets no tokens.");

        var token = TokenService.TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiToken
        {
            UserId = userId,
            Name = name,
            TokenHash = TokenService.Hash(token),
            Prefix = token[..DisplayPrefixLength],
            CreatedAt = context.Now,
            ExpiresAt = context.Now.AddDays(days),
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        context.Audit("api-token-created", AuditEntityTypes.ApiToken, entity.Id,
            $"API token '{name}' ({entity.Prefix}…) created for {user.Email}, expires {entity.ExpiresAt:yyyy-MM-dd}", null,
            new { name, prefix = entity.Prefix, userId, expiresAt = entity.ExpiresAt }, securityEvent: true);
        return new CreatedApiToken(TokenService.ToSummary(entity), token);
    }

    private static async Task<Done> RevokeAsync(UseCaseContext context, int id, string? onlyUserId, CancellationToken cancellationToken)
    {
        var token = await context.Db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        // Someone else's token is "not found" for a non-admin: its existence is not theirs to learn.
        if (token is null || (onlyUserId is not null && token.UserId != onlyUserId))
            throw new NotFoundException($"No API token with id {id}.");
        if (token.RevokedAt is not null)
            return default;
        token.RevokedAt = context.Now;
        context.Audit("api-token-revoked", AuditEntityTypes.ApiToken, token.Id,
            $"API token '{token.Name}' ({token.Prefix}…) of {token.User.Email} revoked", null, null, securityEvent: true);
        return default;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
