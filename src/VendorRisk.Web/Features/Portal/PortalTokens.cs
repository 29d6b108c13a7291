using System.Buffers.Text;
using System.Security.Cryptography;

namespace VendorRisk.Web.Features.Portal;

/// <summary>The secret in an invitation link: 256 random bits, stored only as its SHA-256.</summary>
public static class PortalTokens
{
    /// <summary>43 base64url characters; anything else is not a portal token and is refused before any look-up.</summary>
    public const int Length = 43;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksLikeToken(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Compares a stored hash with the hash of a presented token in constant time.</summary>
    public static bool Matches(string storedHash, string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(token)));
}
