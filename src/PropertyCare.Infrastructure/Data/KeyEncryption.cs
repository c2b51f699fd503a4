using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace PropertyCare.Infrastructure.Data;

/// <summary>The certificate that encrypts Data Protection's keys before they reach the database
/// (<see cref="DataProtectionKeyStore"/>). The keys sign the sign-in cookies and reset tokens: stored in plain text,
/// a copy of the database (a backup) would be enough to forge a sign-in. With them encrypted to a certificate that
/// lives in the configuration (an environment variable, a mounted file), the database alone is useless.
/// The framework's own ProtectKeysWithCertificate (XML encryption, RSA + AES) does the work; this only finds the
/// certificate: PropertyCare:KeyEncryption:Certificate (base64 PFX) or :CertificatePath (a PFX file), with
/// :CertificatePassword if the PFX has one. Keys stored before encryption was configured stay readable.</summary>
public static class KeyEncryption
{
    public const string Section = "PropertyCare:KeyEncryption";

    public static X509Certificate2? Certificate(IConfiguration config)
    {
        var section = config.GetSection(Section);
        var base64 = section["Certificate"];
        var path = section["CertificatePath"];
        var password = section["CertificatePassword"];
        byte[] pfx;
        if (!string.IsNullOrWhiteSpace(base64))
        {
            try { pfx = Convert.FromBase64String(base64.Trim()); }
            catch (FormatException) { throw Refuse("Certificate is not base64 (expected a PFX file encoded as base64)."); }
        }
        else if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path)) throw Refuse($"CertificatePath '{path}' does not exist.");
            pfx = File.ReadAllBytes(path);
        }
        else return null;

        X509Certificate2 cert;
        // Ephemeral: the private key stays in memory, nothing is written to the user's key store.
        try { cert = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.EphemeralKeySet); }
        catch (System.Security.Cryptography.CryptographicException e) { throw Refuse($"the certificate could not be opened ({e.Message}); check the PFX and CertificatePassword."); }
        if (!cert.HasPrivateKey) throw Refuse("the certificate has no private key (a PFX with its key is needed to read the keys back).");
        if (cert.GetRSAPrivateKey() == null) throw Refuse("the certificate's key is not RSA (XML key encryption needs RSA).");
        return cert;
    }

    /// <summary>Whether the operator chose to run without encryption (throw-away setups such as the UI benchmark).</summary>
    public static bool AllowUnencrypted(IConfiguration config) => config.GetValue($"{Section}:AllowUnencrypted", false);

    private static InvalidOperationException Refuse(string why) => new($"{Section}: {why} See docs/operations.md, \"Data Protection keys\".");
}
