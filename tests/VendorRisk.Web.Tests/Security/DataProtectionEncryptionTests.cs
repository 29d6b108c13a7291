using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>The real app with a key-encryption certificate configured.</summary>
public sealed class EncryptedKeysFixture : WebAppFixture
{
    public const string CertificatePassword = "pfx password for tests";

    public string CertificatePath { get; } = TestCertificates.WritePfx(CertificatePassword, withPrivateKey: true);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["VendorRisk:DataProtection:CertificatePath"] = CertificatePath,
        ["VendorRisk:DataProtection:CertificatePassword"] = CertificatePassword,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(CertificatePath);
    }
}

public static class TestCertificates
{
    public static string WritePfx(string password, bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=VendorRisk key encryption (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var exported = withPrivateKey ? null : X509CertificateLoader.LoadCertificate(certificate.RawData);
        var path = Path.Combine(Path.GetTempPath(), $"vendorrisk-keys-{Guid.NewGuid():n}.pfx");
        File.WriteAllBytes(path, (exported ?? certificate).Export(X509ContentType.Pkcs12, password));
        return path;
    }
}

public sealed class DataProtectionEncryptionTests(EncryptedKeysFixture app) : IClassFixture<EncryptedKeysFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_and_sign_in_still_works()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        await using var scope = app.ScopeAs(Roles.Admin);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>().CreateDbContextAsync(Ct);
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(Ct);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedXmlDecryptor", xml!, StringComparison.Ordinal);
            // The plain form carries the master key as <masterKey ...><value>base64</value>.
            Assert.DoesNotContain("<value>", xml!, StringComparison.Ordinal);
        });
    }
}

public sealed class DataProtectionCertificateTests
{
    private static readonly string ContentRoot = Path.GetTempPath();

    [Fact]
    public void No_path_means_no_certificate()
    {
        Assert.Null(DataProtectionCertificate.Load(new DataProtectionSettings(), ContentRoot));
    }

    [Fact]
    public void A_missing_file_is_refused_naming_the_setting_and_the_path()
    {
        var path = Path.Combine(ContentRoot, $"missing-{Guid.NewGuid():n}.pfx");

        var error = Assert.Throws<StartupConfigurationException>(() => DataProtectionCertificate.Load(new DataProtectionSettings { CertificatePath = path }, ContentRoot));

        Assert.Contains("VendorRisk:DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_password_is_refused_with_a_readable_reason()
    {
        var path = TestCertificates.WritePfx("the right one", withPrivateKey: true);
        try
        {
            var error = Assert.Throws<StartupConfigurationException>(() =>
                DataProtectionCertificate.Load(new DataProtectionSettings { CertificatePath = path, CertificatePassword = "a wrong one" }, ContentRoot));
            Assert.Contains("wrong password", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        var path = TestCertificates.WritePfx("pw", withPrivateKey: false);
        try
        {
            var error = Assert.Throws<StartupConfigurationException>(() =>
                DataProtectionCertificate.Load(new DataProtectionSettings { CertificatePath = path, CertificatePassword = "pw" }, ContentRoot));
            Assert.Contains("no private key", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Protects or unprotects one payload with keys kept in <paramref name="keys"/>, as the app configures them.</summary>
    private static string RoundTrip(string keys, DataProtectionSettings settings, string? protectedPayload = null)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("VendorRisk").PersistKeysToFileSystem(new DirectoryInfo(keys))
            .ProtectKeysWith(settings, ContentRoot);
        using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("rotation-test");
        return protectedPayload is null ? protector.Protect("session") : protector.Unprotect(protectedPayload);
    }

    [Fact]
    public void After_a_rotation_keys_of_the_previous_certificate_still_read_and_without_it_they_do_not()
    {
        var keys = Directory.CreateTempSubdirectory("vendorrisk-keys-").FullName;
        var first = TestCertificates.WritePfx("one", withPrivateKey: true);
        var second = TestCertificates.WritePfx("two", withPrivateKey: true);
        try
        {
            var issued = RoundTrip(keys, new DataProtectionSettings { CertificatePath = first, CertificatePassword = "one" });
            Assert.All(Directory.GetFiles(keys), f => Assert.Contains("EncryptedXmlDecryptor", File.ReadAllText(f), StringComparison.Ordinal));

            var rotated = new DataProtectionSettings
            {
                CertificatePath = second, CertificatePassword = "two", PreviousCertificatePath = first, PreviousCertificatePassword = "one",
            };
            Assert.Equal("session", RoundTrip(keys, rotated, issued));

            var forgotten = new DataProtectionSettings { CertificatePath = second, CertificatePassword = "two" };
            Assert.ThrowsAny<CryptographicException>(() => RoundTrip(keys, forgotten, issued));
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public void A_relative_path_starts_at_the_content_root()
    {
        var path = TestCertificates.WritePfx("pw", withPrivateKey: true);
        try
        {
            using var certificate = DataProtectionCertificate.Load(
                new DataProtectionSettings { CertificatePath = Path.GetFileName(path), CertificatePassword = "pw" }, Path.GetDirectoryName(path)!);
            Assert.NotNull(certificate);
            Assert.True(certificate.HasPrivateKey);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
