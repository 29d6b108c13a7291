using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VendorRisk.Web.Infrastructure;

/// <summary>Where the certificate that encrypts data-protection keys at rest comes from (optional).</summary>
public sealed class DataProtectionSettings
{
    /// <summary>A PKCS#12 (.pfx/.p12) file with a private key; relative paths start at the content root.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password, if it has one. Supply it through an environment variable or a secret store.</summary>
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// Loads the key-encryption certificate. Without one, the keys that protect sign-in cookies and antiforgery
/// tokens sit in the database in plain XML: anyone holding a copy of the database could forge a session.
/// </summary>
public static class DataProtectionCertificate
{
    /// <returns>The certificate, or null when none is configured.</returns>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable or has no private key; the message says which.</exception>
    public static X509Certificate2? Load(DataProtectionSettings settings, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.CertificatePath))
            return null;

        var path = Path.GetFullPath(settings.CertificatePath, contentRoot);
        const string Setting = "VendorRisk:DataProtection:CertificatePath";
        if (!File.Exists(path))
            throw new InvalidOperationException($"{Setting} names {path}, which does not exist.");

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{Setting} names {path}, which could not be read as a PKCS#12 certificate (wrong password, or not a .pfx file): {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{Setting} names {path}, whose certificate has no private key: keys encrypted with it could never be read back.");
        }

        return certificate;
    }
}
