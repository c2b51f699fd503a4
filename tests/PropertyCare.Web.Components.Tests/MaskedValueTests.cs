using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Shared;

namespace PropertyCare.Web.Components.Tests;

/// <summary>The masked number component against a real SQLite database: the full number appears only
/// after the explicit action, and that action is logged.</summary>
public sealed class MaskedValueTests : ComponentTestBase, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pc-bunit-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<AppDbContext> _options;
    private readonly Owner _owner = new() { Name = "林晓", IdNumber = "11010519491231002X", Phone = "13912345678" };
    private readonly Project _project = new() { Name = "翠湖花园", Code = "T1" };

    public MaskedValueTests()
    {
        _options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_path}").Options;
        using var db = new AppDbContext(_options, null);
        db.Database.Migrate();
        _project.Company = new Company { Name = "测试物业", Code = "T" };
        db.Projects.Add(_project);
        db.SaveChanges();
    }

    private TenantContext Enter(string role)
    {
        var tenant = new TenantContext();
        tenant.SetUser(new UserIdentity("u1", "客服 王芳", _project.CompanyId, new HashSet<string> { role }, null));
        new TenantAccessor(tenant, new AppDbContextFactory(_options, tenant)).EnterTrusted(_project);
        using (var db = new AppDbContext(_options, tenant))
        {
            if (_owner.Id == 0) { db.Owners.Add(_owner); db.SaveChanges(); }
        }
        Services.AddSingleton(tenant);
        Services.AddSingleton(new OwnerService(new AppDbContextFactory(_options, tenant), tenant));
        return tenant;
    }

    [Fact]
    public void Revealing_shows_the_full_number_and_logs_who_saw_it()
    {
        Enter(Roles.ServiceDesk);
        var cut = Render<MaskedValue>(p => p.Add(x => x.Masked, "139****5678").Add(x => x.Field, SensitiveField.OwnerPhone)
            .Add(x => x.RecordId, _owner.Id).Add(x => x.DataTest, "phone"));
        Assert.Equal("139****5678", cut.Find("[data-test=phone]").TextContent);
        using (var db = new AppDbContext(_options, null)) Assert.Equal(0, db.SensitiveAccesses.IgnoreQueryFilters().Count());

        cut.Find("[data-test=reveal-phone]").Click();

        cut.WaitForAssertion(() => Assert.Equal("13912345678", cut.Find("[data-test=phone]").TextContent));
        Assert.Empty(cut.FindAll("[data-test=reveal-phone]"));
        using var check = new AppDbContext(_options, null);
        var log = Assert.Single(check.SensitiveAccesses.IgnoreQueryFilters());
        Assert.Equal(("u1", "OwnerPhone", _owner.Id), (log.UserId, log.Field, log.EntityId!.Value));
    }

    [Fact]
    public void Users_without_the_reveal_permission_get_no_reveal_button()
    {
        Enter(Roles.Technician);
        var cut = Render<MaskedValue>(p => p.Add(x => x.Masked, "139****5678").Add(x => x.Field, SensitiveField.OwnerPhone)
            .Add(x => x.RecordId, _owner.Id).Add(x => x.DataTest, "phone"));
        Assert.Empty(cut.FindAll("[data-test=reveal-phone]"));
        Assert.DoesNotContain("13912345678", cut.Markup);
    }

    public new void Dispose()
    {
        base.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
