using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Owners;

/// <summary>个人信息保护, read as someone holding a backup would: not rows through SQL, but the bytes of the file. The
/// online backup (<c>sqlite3 .backup</c>) copies every page, free ones included, so a deleted row must not linger there.</summary>
public sealed class DatabaseFilePrivacyTests
{
    [Fact]
    public async Task A_deleted_owners_name_phone_and_id_number_are_not_left_anywhere_in_the_database_file()
    {
        const string name = "欧阳娜娜", phone = "13912345678", phone2 = "13698765432";
        var idNumber = "11010519850307123" + ContactRules.ResidentIdCheckDigit("11010519850307123");
        await using var app = new AppServices();
        var (a, _) = await app.TwoCompaniesAsync();
        using (var scope = app.As(Roles.ProjectManager, a))
        {
            await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            var building = new Building { Name = "1栋", Floors = 30 };
            db.Buildings.Add(building);
            await db.SaveChangesAsync();
            var unit = new Unit { BuildingId = building.Id, Entrance = "1", Floor = 8, Room = "0808", Area = 90m, Type = "三室", State = UnitState.Occupied };
            db.Units.Add(unit);
            await db.SaveChangesAsync();

            var owners = scope.ServiceProvider.GetRequiredService<OwnerService>();
            var id = await owners.CreateAsync(new OwnerDetails(name, IdDocumentType.ResidentIdCard, idNumber, phone, phone2, "nana@example.cn",
                ContactPreference.Phone, null, null), [unit.Id]);
            await owners.SavePersonAsync(PersonKind.EmergencyContact, id, null, "李大为", "朋友", "13633334444");
            Assert.True(Contains(File.ReadAllBytes(app.DatabaseFile).Concat(Wal(app)).ToArray(), Encoding.ASCII.GetBytes(phone)), "the setup wrote the number");
            await owners.DeleteAsync(id, (await owners.GetAsync(id)).Version);
        }
        SqliteConnection.ClearAllPools(); // the last connection checkpoints the WAL into the file, as a backup reads it

        var file = File.ReadAllBytes(app.DatabaseFile).Concat(Wal(app)).ToArray();
        foreach (var secret in new[] { phone, phone2, idNumber, "13633334444", "nana@example.cn" })
            Assert.False(Contains(file, Encoding.ASCII.GetBytes(secret)), $"{secret} is still in the file");
        Assert.False(Contains(file, Encoding.UTF8.GetBytes(name)), "the name is still in the file");
    }

    private static byte[] Wal(AppServices app) => File.Exists(app.DatabaseFile + "-wal") ? File.ReadAllBytes(app.DatabaseFile + "-wal") : [];

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
