using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PropertyCare.Web.Tests;

/// <summary>A throw-away key-encryption certificate (base64 PFX) for hosts started in Production.</summary>
public static class TestCertificate
{
    public static readonly string Pfx = Create();

    private static string Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PropertyCare test key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(cert.Export(X509ContentType.Pkcs12));
    }
}
