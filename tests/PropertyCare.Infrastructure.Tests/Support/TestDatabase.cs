using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Tests.Support;

/// <summary>A real database per test class, migrated like production, with two companies: company A (projects A1, A2)
/// and company B (project B1), so isolation can be attacked. SQLite: a file; PostgreSQL: a database of the run's
/// throwaway cluster (PostgresCluster), migrated with the PostgreSQL set.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pc-test-{Guid.NewGuid():N}.db");
    private readonly string? _pgDatabase;
    public DatabaseProvider Provider { get; }
    public DbContextOptions<AppDbContext> Options { get; }
    public Company CompanyA { get; } = new() { Name = "甲物业", Code = "A" };
    public Company CompanyB { get; } = new() { Name = "乙物业", Code = "B" };
    public Project A1 { get; private set; } = null!;
    public Project A2 { get; private set; } = null!;
    public Project B1 { get; private set; } = null!;

    public TestDatabase() : this(DatabaseProvider.Sqlite) { }

    public TestDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.PostgreSql)
        {
            _pgDatabase = PostgresCluster.NewDatabaseName();
            Options = new DbContextOptionsBuilder<AppDbContext>().Use(provider, PostgresCluster.Instance.ConnectionString(_pgDatabase)).Options;
        }
        else if (provider == DatabaseProvider.Sqlite) Options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_path}").Options;
        else throw new NotSupportedException($"{provider}: no server runs here (see SqlServerScriptTests).");
        using var db = new AppDbContext(Options, null);
        db.Database.Migrate();
        db.Companies.AddRange(CompanyA, CompanyB);
        db.SaveChanges();
        A1 = new Project { CompanyId = CompanyA.Id, Name = "翠湖花园", Code = "A1" };
        A2 = new Project { CompanyId = CompanyA.Id, Name = "锦江华府", Code = "A2" };
        B1 = new Project { CompanyId = CompanyB.Id, Name = "滨江壹号", Code = "B1" };
        db.Projects.AddRange(A1, A2, B1);
        db.SaveChanges();
    }

    /// <summary>A tenant context as a user of the given role working in the given project.</summary>
    public TenantContext Tenant(Project? project, string role = Roles.ProjectManager, int? companyId = null, int? ownerId = null, string userId = "u-test")
    {
        var t = new TenantContext();
        t.SetUser(new UserIdentity(userId, "测试用户", companyId ?? project?.CompanyId ?? CompanyA.Id, new HashSet<string> { role }, ownerId));
        if (project != null) new TenantAccessor(t, new AppDbContextFactory(Options, t)).EnterTrusted(project);
        return t;
    }

    public AppDbContext Db(TenantContext? tenant) => new(Options, tenant);
    public AppDbContextFactory Factory(TenantContext tenant) => new(Options, tenant);

    /// <summary>Adds a building, a unit and an owner who owns it, in the given project.</summary>
    public (Building Building, Unit Unit, Owner Owner) SeedOwner(Project project, string room = "1201", string name = "张伟", string phone = "13800138000")
    {
        var t = Tenant(project);
        using var db = Db(t);
        var b = db.Buildings.FirstOrDefault(x => x.Name == "1栋") ?? new Building { Name = "1栋", Floors = 30 };
        if (b.Id == 0) db.Buildings.Add(b);
        db.SaveChanges();
        var unit = new Unit { BuildingId = b.Id, Entrance = "1", Floor = 12, Room = room, Area = 89.5m, Type = "三室两厅", State = UnitState.Occupied };
        var owner = new Owner { Name = name, IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = phone };
        db.Units.Add(unit);
        db.Owners.Add(owner);
        db.SaveChanges();
        db.UnitOwnerships.Add(new UnitOwnership { UnitId = unit.Id, OwnerId = owner.Id, IsPrimary = true });
        db.SaveChanges();
        return (b, unit, owner);
    }

    public void Dispose()
    {
        if (_pgDatabase != null) { PostgresCluster.Instance.Drop(_pgDatabase); return; }
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
