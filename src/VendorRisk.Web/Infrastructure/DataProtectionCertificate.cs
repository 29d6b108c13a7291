using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography.X509Certificates;

namespace VendorRisk.Web.Infrastructure;

/// <summary>Where the certificate that encrypts data-protection keys at rest comes from (optional).</summary>
public sealed class DataProtectionSettings
{
    /// <summary>A PKCS#12 (.pfx/.p12) file with a private key; relative paths start at the content root.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password, if it has one. Supply it through an environment variable or a secret store.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The certificate used before a rotation: keys it encrypted stay readable (sessions and antiforgery tokens
    /// survive the change) while new keys use <see cref="CertificatePath"/>. Remove it once those keys have expired (90 days).
    /// </summary>
    public string? PreviousCertificatePath { get; set; }

    /// <summary>The previous certificate file's password.</summary>
    public string? PreviousCertificatePassword { get; set; }
}

/// <summary>A configuration mistake found while the app is being set up; its message is shown to the operator as is.</summary>
public sealed class StartupConfigurationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Loads the key-encryption certificate. Without one, the keys that protect sign-in cookies and antiforgery
/// tokens sit in the database in plain XML: anyone holding a copy of the database could forge a session.
/// </summary>
public static class DataProtectionCertificate
{
    /// <summary>
    /// Encrypts new keys with the configured certificate, and reads keys encrypted with it or with the previous
    /// one. Without a certificate the builder is left as it is (keys stored in plain XML).
    /// </summary>
    /// <exception cref="StartupConfigurationException">A configured certificate cannot be used; the message says why.</exception>
    public static IDataProtectionBuilder ProtectKeysWith(this IDataProtectionBuilder builder, DataProtectionSettings settings, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Load(settings, contentRoot) is not { } certificate)
            return builder;

        builder.ProtectKeysWithCertificate(certificate);
        if (LoadPrevious(settings, contentRoot) is { } previous)
            builder.UnprotectKeysWithAnyCertificate(certificate, previous);
        return builder;
    }

    /// <returns>The certificate, or null when none is configured.</returns>
    /// <exception cref="StartupConfigurationException">The file is missing, unreadable or has no private key; the message says which.</exception>
    public static X509Certificate2? Load(DataProtectionSettings settings, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Load(settings.CertificatePath, settings.CertificatePassword, "VendorRisk:DataProtection:CertificatePath", contentRoot);
    }

    /// <returns>The certificate that encrypted keys before a rotation, or null when none is configured.</returns>
    /// <exception cref="StartupConfigurationException">As for <see cref="Load(DataProtectionSettings, string)"/>.</exception>
    public static X509Certificate2? LoadPrevious(DataProtectionSettings settings, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Load(settings.PreviousCertificatePath, settings.PreviousCertificatePassword, "VendorRisk:DataProtection:PreviousCertificatePath", contentRoot);
    }

    private static X509Certificate2? Load(string? configuredPath, string? password, string setting, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(configuredPath))
            return null;

        var path = Path.GetFullPath(configuredPath, contentRoot);
        if (!File.Exists(path))
            throw new StartupConfigurationException($"{setting} names {path}, which does not exist.");

        X509Certificate2 certificate;
        try
        {
            // Ephemeral keys never touch the disk; macOS does not support them.
            var storage = OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, storage);
        }
        catch (CryptographicException ex)
        {
            throw new StartupConfigurationException(
                $"{setting} names {path}, which could not be read as a PKCS#12 certificate (wrong password, or not a .pfx file): {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new StartupConfigurationException($"{setting} names {path}, whose certificate has no private key: keys encrypted with it could never be read back.");
        }

        return certificate;
    }
}
