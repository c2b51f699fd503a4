using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor;
using MudBlazor.Services;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Web.Components.Pages.Repairs;

namespace PropertyCare.Web.Components.Tests;

/// <summary>The desk's intake form over the real services and a fresh SQLite file: the domain's refusals appear at
/// the fields (in Chinese), and a valid request is registered.</summary>
public sealed class RepairIntakeFormTests : IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"pc-intake-{Guid.NewGuid():N}.db");
    private readonly BunitContext _ctx = new();
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={_db}" }).Build();
        _ctx.Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddSingleton<IConfiguration>(config).AddPropertyCareInfrastructure(config);
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        await DependencyInjection.PrepareDatabaseAsync(_ctx.Services);
        await using (var db = new AppDbContext(_ctx.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            _project = new Project { Name = "翠湖花园", Code = "A1", Company = new Company { Name = "甲", Code = "A" } };
            db.Projects.Add(_project);
            await db.SaveChangesAsync();
        }
        _ctx.Services.GetRequiredService<TenantContext>()
            .SetUser(new UserIdentity("u-desk", "客服小李", _project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null));
        _ctx.Services.GetRequiredService<TenantAccessor>().EnterTrusted(_project);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }

    private (IRenderedComponent<RepairIntakeForm> Form, List<(int, string)> Saved) RenderForm()
    {
        // The UI language follows the culture of the flow that renders (set here: InitializeAsync's does not flow to the test).
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        var saved = new List<(int, string)>();
        var host = _ctx.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<RepairIntakeForm>(1);
            b.AddAttribute(2, nameof(RepairIntakeForm.ProjectId), _project.Id);
            b.AddAttribute(3, nameof(RepairIntakeForm.Saved), EventCallback.Factory.Create<(int, string)>(this, s => saved.Add(s)));
            b.CloseComponent();
        });
        var form = host.FindComponent<RepairIntakeForm>();
        form.WaitForState(() => form.FindAll("[data-test=category]").Count > 0);
        return (form, saved);
    }

    private static List<string> FieldErrors(IRenderedComponent<RepairIntakeForm> form) =>
        form.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    [Fact]
    public async Task Refusals_of_the_service_are_shown_at_the_fields_in_chinese()
    {
        var (form, saved) = RenderForm();

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() =>
        {
            var errors = FieldErrors(form);
            Assert.Contains("请选择房屋或填写公共区域位置", errors);
            Assert.Contains("请选择报修类别", errors);
            Assert.Contains(errors, e => e.StartsWith("请描述报修内容"));
        });
        Assert.Contains("请更正标记的内容后再保存。", form.Find("[data-test=action-error]").TextContent);
        Assert.Empty(saved);

        // A common area needs a phone for the callback: the message is under the phone field.
        await form.InvokeAsync(() => form.FindComponent<MudRadioGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));
        form.Find("[data-test=common-area]").Change("3栋电梯厅");
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() =>
        {
            var phone = form.Find("[data-test=contact-phone]").Closest(".mud-input-control")!;
            Assert.Contains("公共区域报修请留联系电话以便回访", phone.TextContent);
            Assert.DoesNotContain("请选择房屋或填写公共区域位置", FieldErrors(form));
        });
    }

    [Fact]
    public async Task A_valid_request_is_registered_and_handed_back()
    {
        var (form, saved) = RenderForm();

        await form.InvokeAsync(() => form.FindComponent<MudRadioGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));
        form.Find("[data-test=common-area]").Change("3栋电梯厅");
        await form.InvokeAsync(() => form.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("电梯"));
        form.Find("[data-test=description]").Change("电梯按钮失灵");
        form.Find("[data-test=contact-phone]").Change("13800138000");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Single(saved));
        Assert.Empty(FieldErrors(form));
        var (id, number) = saved[0];
        Assert.Matches(@"^BX-\d{8}-\d{4}$", number);
        await using var db = _ctx.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var order = await db.RepairOrders.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.Equal(("公共区域", "3栋电梯厅", "电梯", "电梯按钮失灵", RepairStatus.Registered),
            ("公共区域", order.CommonArea, order.Category, order.Description, order.Status));
    }
}
