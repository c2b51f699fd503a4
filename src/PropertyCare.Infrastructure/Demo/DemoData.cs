using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>Demo/development data: one company, three estates, about 2,000 units and their owners, and
/// one user per role. Runs only when the demo switch is on and the database has no company yet.</summary>
public static class DemoData
{
    public const string Password = "Demo@2026";

    private sealed record EstateSpec(string Name, string Code, string City, string Address, int Buildings, int Entrances, int Floors, int RoomsPerFloor);

    private static readonly EstateSpec[] Estates =
    [
        new("翠湖花园", "CHHY", "成都", "成都市锦江区翠湖路 88 号", 8, 2, 18, 3),
        new("锦江华府", "JJHF", "成都", "成都市武侯区锦江大道 166 号", 6, 2, 16, 3),
        new("滨江壹号", "BJYH", "重庆", "重庆市南岸区滨江路 1 号", 6, 1, 24, 4),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using (var check = new AppDbContext(options, null))
            if (await check.Companies.AnyAsync(ct)) return;

        var company = new Company { Name = "蓉城物业服务有限公司", Code = "RCWY", CreatedAt = DateTime.UtcNow };
        var projects = Estates.Select(e => new Project { Name = e.Name, Code = e.Code, City = e.City, Address = e.Address, Company = company, CreatedAt = DateTime.UtcNow }).ToList();
        await using (var db = new AppDbContext(options, null))
        {
            db.Projects.AddRange(projects);
            await db.SaveChangesAsync(ct);
        }

        var random = new Random(20261122);
        var firstOwners = new List<(int Id, string Name)>();
        for (var i = 0; i < Estates.Length; i++)
            firstOwners.Add(await SeedEstateAsync(options, projects[i], Estates[i], random, ct));

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        await AddUser(users, options, "admin", "平台管理员", Roles.PlatformAdmin, null, []);
        await AddUser(users, options, "hq", "总部品质 周敏", Roles.HqAuditor, company.Id, []);
        await AddUser(users, options, "manager", "客服经理 李静", Roles.ProjectManager, company.Id, [projects[0].Id, projects[1].Id]);
        await AddUser(users, options, "staff", "客服 王芳", Roles.ServiceDesk, company.Id, [projects[0].Id]);
        await AddUser(users, options, "staff2", "客服 陈晨", Roles.ServiceDesk, company.Id, [projects[1].Id]);
        await AddUser(users, options, "tech", "维修 张强", Roles.Technician, company.Id, [projects[0].Id]);
        await AddUser(users, options, "owner", firstOwners[0].Name, Roles.Owner, company.Id, [projects[0].Id], firstOwners[0].Id);
        await using (var db = new AppDbContext(options, null))
            projects[0] = await db.Projects.AsNoTracking().Include(p => p.Company).FirstAsync(p => p.Id == projects[0].Id, ct);
        await DemoRepairs.SeedAsync(sp, projects[0], ct);
        await DemoVacant.SeedAsync(sp, projects[0], ct);
        await DemoMoveIn.SeedAsync(sp, projects[0], firstOwners[0].Id, ct);
        await DemoDelivery.SeedAsync(sp, projects[0], ct); // after the batch demo: it uses its batch
        await DemoRenovation.SeedAsync(sp, projects[0], ct); // renovation part A: applications in every status
        await DemoRenovationWorks.SeedAsync(sp, projects[0], ct); // renovation part C: after part A's applications, before part B's deposits
        await DemoRenovationMoney.SeedAsync(sp, projects[0], ct); // renovation part B: AFTER part A's applications demo (it uses them)
        await DemoComplaints.SeedAsync(sp, projects[0], ct); // complaints part C: every state, a 二次派单, a repeat, earlier months
        await DemoQuality.SeedAsync(sp, projects[0], ct); // quality part A: a drawn week with a 不实 and its answered notice; last week left to draw
        await DemoSurveys.SeedAsync(sp, projects, ct); // quality part B: a closed company survey last quarter, an open one for the demo owner
        await DemoQualityReports.SeedAsync(sp, projects, ct); // issue 15 part C: report snapshots — keep LAST (a snapshot freezes the data)
    }

    private static async Task<(int, string)> SeedEstateAsync(DbContextOptions<AppDbContext> options, Project project, EstateSpec spec, Random r, CancellationToken ct)
    {
        var tenant = new TenantContext();
        tenant.SetUser(new UserIdentity("system", "系统初始化", project.CompanyId, new HashSet<string>(), null));
        tenant.SetProject(project);
        await using var db = new AppDbContext(options, tenant);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var buildings = Enumerable.Range(1, spec.Buildings).Select(b => new Building { Name = $"{b}栋", Floors = spec.Floors }).ToList();
        db.Buildings.AddRange(buildings);
        await db.SaveChangesAsync(ct);

        var units = new List<Unit>();
        foreach (var b in buildings)
            for (var e = 1; e <= spec.Entrances; e++)
                for (var f = 1; f <= spec.Floors; f++)
                    for (var n = 1; n <= spec.RoomsPerFloor; n++)
                        units.Add(new Unit
                        {
                            BuildingId = b.Id, Entrance = spec.Entrances > 1 ? e.ToString() : "", Floor = f,
                            Room = $"{f}{(spec.Entrances > 1 ? e : 0)}{n}".PadLeft(3, '0'),
                            Area = Math.Round(72m + r.Next(0, 8000) / 100m, 2), Type = DemoNames.UnitTypes[r.Next(DemoNames.UnitTypes.Length)],
                            State = PickState(r),
                        });
        db.Units.AddRange(units);
        await db.SaveChangesAsync(ct);

        var owners = new List<(Owner Owner, Unit Unit)>();
        foreach (var u in units.Where(u => u.State != UnitState.NotDelivered))
        {
            var o = new Owner
            {
                Name = DemoNames.Name(r), IdType = IdDocumentType.ResidentIdCard, IdNumber = DemoNames.ResidentId(r), Phone = DemoNames.Mobile(r),
                Phone2 = r.Next(5) == 0 ? DemoNames.Mobile(r) : null, ContactPreference = (ContactPreference)r.Next(0, 3),
                MoveInDate = u.State is UnitState.Occupied or UnitState.Rented ? new DateOnly(2019, 1, 1).AddDays(r.Next(0, 2000)) : null,
            };
            if (r.Next(3) == 0) o.Members.Add(new HouseholdMember { Name = DemoNames.Name(r), Relation = DemoNames.Relations[r.Next(DemoNames.Relations.Length)], Phone = DemoNames.Mobile(r) });
            if (r.Next(4) == 0) o.EmergencyContacts.Add(new EmergencyContact { Name = DemoNames.Name(r), Relation = DemoNames.Relations[r.Next(DemoNames.Relations.Length)], Phone = DemoNames.Mobile(r) });
            owners.Add((o, u));
        }
        db.Owners.AddRange(owners.Select(x => x.Owner));
        await db.SaveChangesAsync(ct);
        db.UnitOwnerships.AddRange(owners.Select(x => new UnitOwnership { UnitId = x.Unit.Id, OwnerId = x.Owner.Id, IsPrimary = true }));
        // Some households own a second unit (a co-owner on the neighbour's flat is rare; a second flat is not).
        foreach (var (o, _) in owners.Where((_, i) => i % 37 == 5))
        {
            var spare = units.FirstOrDefault(u => u.State == UnitState.NotDelivered && !db.ChangeTracker.Entries<UnitOwnership>().Any(e => e.Entity.UnitId == u.Id));
            if (spare != null) db.UnitOwnerships.Add(new UnitOwnership { UnitId = spare.Id, OwnerId = o.Id, IsPrimary = true });
        }
        await db.SaveChangesAsync(ct);
        return (owners[0].Owner.Id, owners[0].Owner.Name);
    }

    private static UnitState PickState(Random r) => r.Next(100) switch
    {
        < 8 => UnitState.NotDelivered,
        < 20 => UnitState.Vacant,
        < 27 => UnitState.Renovating,
        < 88 => UnitState.Occupied,
        _ => UnitState.Rented,
    };

    private static async Task AddUser(UserManager<AppUser> users, DbContextOptions<AppDbContext> options, string userName, string name, string role, int? companyId, int[] projectIds, int? ownerId = null)
    {
        var user = new AppUser { UserName = userName, DisplayName = name, CompanyId = companyId, OwnerId = ownerId, CreatedAt = DateTime.UtcNow, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        await using var db = new AppDbContext(options, null);
        db.ProjectAssignments.AddRange(projectIds.Select(p => new ProjectAssignment { UserId = user.Id, ProjectId = p }));
        await db.SaveChangesAsync();
    }
}
