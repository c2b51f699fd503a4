using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Web.Tests;

/// <summary>Every page behind [Authorize], found in the app itself (its routed components) rather than in a list kept
/// here, is requested by every demo user: those whose roles hold the page's permissions (Permissions.ForRoles, the one
/// table that decides) get the page, every other signed-in user is sent to "denied", anonymous visitors to sign-in.
/// What this checks is the door of the page; what the page then shows inside a project (its project gate, its
/// service's checks) is for the page's own tests. The route table is compared with what is tested here, so a new page,
/// a page without [Authorize] or a new guarded endpoint fails until it is accounted for.</summary>
[Collection("web")]
public sealed partial class RouteAccessTests(WebAppFixture app)
{
    /// <summary>The demo users, one per role (DemoData), and a second desk user of another project.</summary>
    private static readonly string[] DemoUsers = ["staff", "staff2", "manager", "tech", "owner", "hq", "admin"];

    /// <summary>The pages anyone may open: signing in (password and one-time code), "denied" and the error page.</summary>
    private static readonly string[] PublicPages = ["/account/code", "/account/denied", "/account/login", "/error"];

    /// <summary>Guarded endpoints that are not pages, and the tests that request them as a user who may and as users
    /// who may not (a photo needs a stored photo, the dashboard has pages of its own).</summary>
    private static readonly Dictionary<string, Type> OtherGuardedEndpoints = new()
    {
        ["/p/{projectId:int}/repair-photos/{photoId:int}"] = typeof(RepairPhotoHttpTests),
        ["/admin/jobs/{**path}"] = typeof(JobsDashboardTests),
        ["/p/{projectId:int}/files/{fileId:int}"] = typeof(AttachmentHttpTests),
    };

    private sealed record RoutedPage(string Template, Type Component, IAuthorizeData[] Authorize)
    {
        public bool Guarded => Authorize.Length > 0 && Component.GetCustomAttribute<AllowAnonymousAttribute>() == null;
        public string[] Policies => [.. Authorize.Select(a => a.Policy).OfType<string>()];
    }

    private static IEnumerable<RoutedPage> RoutedPages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r =>
                new RoutedPage(r.Template, t, [.. t.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>()])));

    public static TheoryData<string> GuardedPages() => new(RoutedPages().Where(p => p.Guarded).Select(p => p.Template).Order(StringComparer.Ordinal));

    private sealed record DemoUser(string Name, HttpClient Client, IReadOnlySet<string> Permissions, int ProjectId);

    /// <summary>Signed-in clients, one per demo user and app, shared by the cases of this class (signing in costs a
    /// password hash; nothing here signs out or changes the users).</summary>
    private static readonly ConditionalWeakTable<WebAppFixture, ConcurrentDictionary<string, Lazy<Task<DemoUser>>>> SignedIn = new();

    private Task<DemoUser> UserAsync(string name) =>
        SignedIn.GetOrCreateValue(app).GetOrAdd(name, n => new Lazy<Task<DemoUser>>(() => SignInAsync(n))).Value;

    private async Task<DemoUser> SignInAsync(string name)
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.SignInAsync(client, name)).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(name) ?? throw new InvalidOperationException(name);
        var tenant = sp.GetRequiredService<TenantContext>();
        tenant.SetUser(AppClaimsFactory.ToIdentity(await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user)));
        // The project the user's links lead to; the platform admin works in none (the door does not look at it).
        var project = (await sp.GetRequiredService<TenantAccessor>().AccessibleProjectsAsync()).FirstOrDefault()?.Id ?? 1;
        return new DemoUser(name, client, Permissions.ForRoles(await users.GetRolesAsync(user)), project);
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    /// <summary>The page's address for this user: their project, and the first record of the kind the route names in
    /// it (or in any project, where theirs has none). A new kind of route parameter fails here until it is added.</summary>
    private async Task<string> AddressAsync(string template, DemoUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var url = template;
        foreach (Match m in RouteParameter().Matches(template))
        {
            // Issue 15 Part C: the KPI drill-down names a month and a KPI (strings, not records).
            if (m.Groups[1].Value is "Month" or "Kpi")
            {
                url = url.Replace(m.Value, m.Groups[1].Value == "Month" ? "2026-11" : "callback", StringComparison.Ordinal);
                continue;
            }
            var value = m.Groups[1].Value switch
            {
                "ProjectId" => user.ProjectId,
                "OwnerId" => await FirstAsync(db.Owners, user.ProjectId),
                "UnitId" => await FirstAsync(db.Units, user.ProjectId),
                "OrderId" => await FirstAsync(db.RepairOrders, user.ProjectId),
                "CallbackId" => await FirstAsync(db.Callbacks, user.ProjectId),
                "VacantInspectionId" => await FirstAsync(db.VacantUnitInspections, user.ProjectId),
                "CustodyId" => await FirstAsync(db.KeyCustodies, user.ProjectId),
                // Renovation (装修): the application of every renovation page (parts A, B, C)
                "ApplicationId" => await FirstAsync(db.RenovationApplications, user.ProjectId),
                // Move-in (入伙): batches, appointments, take-over inspections
                "BatchId" => await FirstAsync(db.DeliveryBatches, user.ProjectId),
                "AppointmentId" => await FirstAsync(db.DeliveryAppointments, user.ProjectId),
                "TakeOverId" => await FirstAsync(db.TakeOverInspections, user.ProjectId),
                "InspectionId" => await FirstAsync(db.DeliveryInspections, user.ProjectId),
                "ProcedureId" => await FirstAsync(db.MoveInProcedures, user.ProjectId),
                // Renovation part B (deposit): the entry of a receipt — 0 where no record exists yet (the door is the same).
                "EntryId" => (int)await db.DepositLedger.IgnoreQueryFilters().Where(x => x.ReceiptNumber != null).OrderBy(x => x.ProjectId != user.ProjectId).ThenBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync(),
                // Complaints (parts A and B): the complaint of the portal page and of the two sheets — 0 where none exists yet (the door is the same).
                "Id" when template.Contains("complaints", StringComparison.Ordinal) => (int)await db.Complaints.IgnoreQueryFilters().OrderBy(x => x.ProjectId != user.ProjectId).ThenBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync(),
                // Quality part A (两级回访): an audit's call sheet, a notice (HQ's and the project's) — 0 where none exists yet.
                "Id" when template.Contains("/audits/", StringComparison.Ordinal) => await db.CallbackAudits.IgnoreQueryFilters().OrderBy(x => x.ProjectId != user.ProjectId).ThenBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync(),
                "Id" when template.Contains("/notices/", StringComparison.Ordinal) => await db.RectificationNotices.IgnoreQueryFilters().OrderBy(x => x.ProjectId != user.ProjectId).ThenBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync(),
                // Quality part B (满意度调查): the campaign of the HQ, project and portal survey pages — 0 where none exists yet (the door is the same).
                "Id" when template.Contains("surveys", StringComparison.Ordinal) => await db.SurveyCampaigns.OrderBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync(),
                // Issue 15 Part C: a report snapshot — 0 where none exists yet (the door is the same).
                "Id" when template.Contains("reports", StringComparison.Ordinal) => await db.QualityReports.OrderBy(x => x.ProjectId != user.ProjectId).ThenBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync(),
                var other => throw new InvalidOperationException($"{template}: which record does the route parameter {other} name? Add it here."),
            };
            url = url.Replace(m.Value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        return url;
    }

    private static async Task<int> FirstAsync<T>(DbSet<T> set, int projectId) where T : class, ITenantOwned
    {
        var ids = set.IgnoreQueryFilters().OrderBy(x => x.ProjectId != projectId).ThenBy(x => EF.Property<int>(x, "Id")).Select(x => EF.Property<int>(x, "Id"));
        return await ids.FirstAsync();
    }

    [Theory]
    [MemberData(nameof(GuardedPages))]
    public async Task Each_guarded_page_opens_for_every_user_who_holds_its_permissions_and_for_no_one_else(string template)
    {
        var page = RoutedPages().Single(p => p.Template == template);
        Assert.All(page.Authorize, a => Assert.True(string.IsNullOrEmpty(a.Roles), $"{template}: pages ask for permissions, not roles"));
        var wrong = new List<string>();
        var allowed = 0;
        foreach (var name in DemoUsers)
        {
            var user = await UserAsync(name);
            var url = await AddressAsync(template, user);
            var holds = page.Policies.All(user.Permissions.Contains);
            var response = await user.Client.GetAsync(url);
            var got = Outcome(response);
            var expected = holds ? "200" : "denied";
            if (got != expected) wrong.Add($"{name} GET {url}: {got}, expected {expected}");
            if (holds) allowed++;
        }
        var anonymous = Outcome(await app.Client().GetAsync(await AddressAsync(template, await UserAsync("staff"))));
        if (anonymous != "sign-in") wrong.Add($"anonymous: {anonymous}, expected sign-in");
        Assert.True(wrong.Count == 0, $"{template} [{string.Join(", ", page.Policies)}]:\n" + string.Join("\n", wrong));
        // A page no demo user may open would test only refusals.
        Assert.True(allowed > 0, $"{template} [{string.Join(", ", page.Policies)}]: no demo user holds its permissions");
    }

    private static string Outcome(HttpResponseMessage r) => r.StatusCode switch
    {
        HttpStatusCode.OK => "200",
        HttpStatusCode.Redirect when r.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal) => "denied",
        HttpStatusCode.Redirect when r.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal) => "sign-in",
        var s => $"{(int)s} {r.Headers.Location}",
    };

    private IReadOnlyList<RouteEndpoint> RouteTable() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    [Fact]
    public async Task The_app_serves_exactly_the_pages_tested_here()
    {
        await UserAsync("staff"); // the app is started
        var served = RouteTable().Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() != null)
            .Select(e => e.RoutePattern.RawText!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(RoutedPages().Select(p => p.Template).Order(StringComparer.Ordinal), served.Order(StringComparer.Ordinal));
        // The door of each page asks for what its attribute says (the page cases above read the attribute).
        foreach (var e in RouteTable().Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() != null))
        {
            var page = RoutedPages().Single(p => p.Template == e.RoutePattern.RawText);
            Assert.Equal(page.Policies.Order(), e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Order());
        }
    }

    [Fact]
    public void Only_the_sign_in_pages_and_the_error_page_open_without_signing_in()
    {
        var open = RoutedPages().Where(p => !p.Guarded).Select(p => p.Template).Order(StringComparer.Ordinal);
        Assert.Equal(PublicPages.Order(StringComparer.Ordinal), open);
    }

    [Fact]
    public async Task Every_guarded_endpoint_that_is_not_a_page_has_its_own_tests()
    {
        await UserAsync("staff");
        var guarded = RouteTable()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() == null)
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && e.Metadata.GetMetadata<IAllowAnonymous>() == null)
            .Select(e => e.RoutePattern.RawText!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(OtherGuardedEndpoints.Keys.Order(StringComparer.Ordinal), guarded);
    }
}
