using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.Tokens;

public sealed record ApiTokenSummary(int Id, string UserId, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt)
{
    public bool IsActive(DateTime utcNow) => RevokedAt is null && ExpiresAt > utcNow;
}

/// <summary>A new token: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(ApiTokenSummary Summary, string Token);

/// <summary>
/// Bearer tokens for the HTTP API. A token is <c>vr_</c> + 32 random bytes (base64url); only its
/// SHA-256 and a short display prefix are stored. Users manage their own; an Admin may list and
/// revoke anyone's.
/// </summary>
public sealed class TokenService(IDbContextFactory<VendorRiskDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const string TokenPrefix = "vr_";
    public const int DefaultDays = 90;
    public const int MaxDays = 365;
    public const int NameMaxLength = 100;
    private const int DisplayPrefixLength = 10;

    public async Task<CreatedApiToken> CreateAsync(string name, int days = DefaultDays, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Viewer, "create API tokens", cancellationToken);
        return await CreateForAsync(actor, actor.UserId, name, days, cancellationToken);
    }

    /// <summary>For the command line, which acts as the system.</summary>
    internal Task<CreatedApiToken> CreateAsSystemAsync(string userId, string name, int days) =>
        CreateForAsync(Actor.System, userId, name, days, CancellationToken.None);

    public async Task<IReadOnlyList<ApiTokenSummary>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Viewer, "list API tokens", cancellationToken);
        return await ListCoreAsync(actor.UserId, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenSummary>> ListForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Admin, "list other users' API tokens", cancellationToken);
        return await ListCoreAsync(userId, cancellationToken);
    }

    /// <summary>Revokes one of the caller's own tokens.</summary>
    public async Task RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Viewer, "revoke API tokens", cancellationToken);
        await RevokeCoreAsync(actor, id, onlyUserId: actor.UserId, cancellationToken);
    }

    public async Task RevokeAnyAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Admin, "revoke other users' API tokens", cancellationToken);
        await RevokeCoreAsync(actor, id, onlyUserId: null, cancellationToken);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<CreatedApiToken> CreateForAsync(Actor actor, string userId, string name, int days, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        name = TextRules.CleanName(name);
        if (name.Length == 0)
            errors["name"] = ["Give the token a name (what it is for)."];
        else if (TextRules.Length(name) > NameMaxLength)
            errors["name"] = [$"Use at most {NameMaxLength} characters."];
        if (days is < 1 or > MaxDays)
            errors["days"] = [$"A token lives 1 to {MaxDays} days."];
        if (errors.Count > 0)
            throw new ValidationFailedException(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.IsDisabled }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No user with id {userId}.");
        if (user.IsDisabled)
            throw new ValidationFailedException("userId", $"{user.Email} is disabled; a disabled user gets no tokens.");

        var token = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new ApiToken
        {
            UserId = userId,
            Name = name,
            TokenHash = Hash(token),
            Prefix = token[..DisplayPrefixLength],
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        db.Audit(actor, "api-token-created", AuditEntityTypes.ApiToken, entity.Id,
            $"API token '{name}' ({entity.Prefix}…) created for {user.Email}, expires {entity.ExpiresAt:yyyy-MM-dd}", null,
            new { name, prefix = entity.Prefix, userId, expiresAt = entity.ExpiresAt }, securityEvent: true);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreatedApiToken(ToSummary(entity), token);
    }

    private async Task<IReadOnlyList<ApiTokenSummary>> ListCoreAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        return tokens.Select(ToSummary).ToList();
    }

    private async Task RevokeCoreAsync(Actor actor, int id, string? onlyUserId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        // Someone else's token is "not found" for a non-admin: its existence is not theirs to learn.
        if (token is null || (onlyUserId is not null && token.UserId != onlyUserId))
            throw new NotFoundException($"No API token with id {id}.");
        if (token.RevokedAt is not null)
            return;
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(actor, "api-token-revoked", AuditEntityTypes.ApiToken, token.Id,
            $"API token '{token.Name}' ({token.Prefix}…) of {token.User.Email} revoked", null, null, securityEvent: true);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiTokenSummary ToSummary(ApiToken t) =>
        new(t.Id, t.UserId, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}
