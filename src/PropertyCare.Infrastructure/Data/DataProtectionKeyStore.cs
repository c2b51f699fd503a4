using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace PropertyCare.Infrastructure.Data;

/// <summary>Data Protection's key ring in the application database. Written by hand: the EF key-store
/// package (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore) is not on the feed here.</summary>
public sealed class DataProtectionKeyStore(DbContextOptions<AppDbContext> options) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = new AppDbContext(options, null);
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = new AppDbContext(options, null);
        db.DataProtectionKeys.Add(new StoredDataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
