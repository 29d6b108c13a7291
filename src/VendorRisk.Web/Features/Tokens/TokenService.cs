using System.Security.Cryptography;

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
public sealed class TokenService(IDbContextFactory<VendorRiskDbContext> dbFactory, UseCasePipeline pipeline)
{
    public const string TokenPrefix = "vr_";
    public const int DefaultDays = 90;
    public const int MaxDays = 365;
    public const int NameMaxLength = 100;

    public Task<CreatedApiToken> CreateAsync(string name, int days = DefaultDays, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new CreateApiTokenRequest(name, days), cancellationToken);

    /// <summary>For the command line, which acts as the system.</summary>
    internal Task<CreatedApiToken> CreateAsSystemAsync(string userId, string name, int days) =>
        pipeline.AsSystem().RunAsync(new CreateApiTokenForUserRequest(userId, name, days), CancellationToken.None);

    public async Task<IReadOnlyList<ApiTokenSummary>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        var actor = await pipeline.AuthorizeAsync(new ListOwnApiTokens(), cancellationToken);
        return await ListCoreAsync(actor.UserId, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenSummary>> ListForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ListUsersApiTokens(), cancellationToken);
        return await ListCoreAsync(userId, cancellationToken);
    }

    /// <summary>Revokes one of the caller's own tokens.</summary>
    public Task RevokeAsync(int id, CancellationToken cancellationToken = default) => pipeline.RunAsync(new RevokeApiTokenRequest(id), cancellationToken);

    public Task RevokeAnyAsync(int id, CancellationToken cancellationToken = default) => pipeline.RunAsync(new RevokeAnyApiTokenRequest(id), cancellationToken);

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<IReadOnlyList<ApiTokenSummary>> ListCoreAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        return tokens.Select(ToSummary).ToList();
    }

    internal static ApiTokenSummary ToSummary(ApiToken t) =>
        new(t.Id, t.UserId, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}
