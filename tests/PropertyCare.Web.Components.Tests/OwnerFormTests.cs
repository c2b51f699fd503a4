using AngleSharp.Dom;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Owners;

namespace PropertyCare.Web.Components.Tests;

/// <summary>The owner edit form on MudBlazor inputs, saved through the real service over SQLite: the domain's
/// refusal is shown at the field it names, and a valid edit is stored.</summary>
public sealed class OwnerFormTests : ComponentTestBase, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pc-bunit-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<AppDbContext> _options;
    private readonly Project _project = new() { Name = "翠湖花园", Code = "T1" };
    private readonly Owner _owner = new() { Name = "林晓", IdNumber = "11010519491231002X", Phone = "13912345678" };
    private OwnerService _service = null!;

    public OwnerFormTests()
    {
        _options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_path}").Options;
        using var db = new AppDbContext(_options, null);
        db.Database.Migrate();
        _project.Company = new Company { Name = "测试物业", Code = "T" };
        db.Projects.Add(_project);
        db.SaveChanges();
        var tenant = new TenantContext();
        tenant.SetUser(new UserIdentity("u1", "客服 王芳", _project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null));
        new TenantAccessor(tenant, new AppDbContextFactory(_options, tenant)).EnterTrusted(_project);
        using (var ctx = new AppDbContext(_options, tenant)) { ctx.Owners.Add(_owner); ctx.SaveChanges(); }
        _service = new OwnerService(new AppDbContextFactory(_options, tenant), tenant);
        Services.AddSingleton(tenant);
        Services.AddSingleton(_service);
    }

    private IRenderedComponent<OwnerFormHost> RenderHost()
    {
        var view = _service.GetAsync(_owner.Id).GetAwaiter().GetResult();
        return Render<OwnerFormHost>(p => p.Add(x => x.Owner, view));
    }

    /// <summary>The text under a MudBlazor input: its helper text, or its error once the domain refused the value.</summary>
    private static string FieldText(IRenderedComponent<OwnerFormHost> cut, string dataTest) =>
        cut.Find($"[data-test={dataTest}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";

    private static bool FieldInError(IRenderedComponent<OwnerFormHost> cut, string dataTest) =>
        cut.Find($"[data-test={dataTest}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-error") != null;

    private string StoredPhone()
    {
        using var db = new AppDbContext(_options, null);
        return db.Owners.IgnoreQueryFilters().Single(o => o.Id == _owner.Id).Phone;
    }

    [Fact]
    public void The_phone_field_says_how_to_keep_the_stored_number()
    {
        var cut = RenderHost();
        Assert.Contains("当前 139****5678，留空不修改", FieldText(cut, "owner-phone"));
        Assert.False(FieldInError(cut, "owner-phone"));
        Assert.DoesNotContain("13912345678", cut.Markup);
    }

    [Fact]
    public void An_invalid_phone_is_refused_by_the_domain_and_the_message_is_shown_at_the_phone_field()
    {
        var cut = RenderHost();
        cut.Find("[data-test=owner-phone]").Change("12345");

        cut.Find("[data-test=save-owner]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("手机号码格式不正确", FieldText(cut, "owner-phone")));
        Assert.True(FieldInError(cut, "owner-phone"));
        Assert.False(FieldInError(cut, "owner-name"));
        Assert.Contains("请更正标记的内容后再保存。", cut.Find("[data-test=action-error]").TextContent);
        Assert.Empty(cut.FindAll("[data-test=saved]"));
        Assert.Equal("13912345678", StoredPhone());
    }

    [Fact]
    public void An_empty_name_is_refused_at_the_name_field()
    {
        var cut = RenderHost();
        cut.Find("[data-test=owner-name]").Change("");

        cut.Find("[data-test=save-owner]").Click();

        cut.WaitForAssertion(() => Assert.Equal("请填写业主姓名", FieldText(cut, "owner-name")));
    }

    [Fact]
    public void A_valid_edit_is_saved_through_the_service()
    {
        var cut = RenderHost();
        cut.Find("[data-test=owner-name]").Change("林晓明");
        cut.Find("[data-test=owner-phone]").Change("13812345678");

        cut.Find("[data-test=save-owner]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=saved]")));
        Assert.Empty(cut.FindAll("[data-test=action-error]"));
        Assert.Equal("13812345678", StoredPhone());
        Assert.Equal("林晓明", _service.GetAsync(_owner.Id).GetAwaiter().GetResult().Name);
    }

    public new void Dispose()
    {
        base.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
