using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>Order numbers are per project and day; two desks registering at the same moment may pick the same one and
/// the unique index refuses the second save. Registration then tries again with a fresh number — but only a few
/// times, so a save that keeps failing for another reason surfaces instead of looping.</summary>
[Collection(RepairsCollection.Name)]
public class RegistrationRetryTests
{
    /// <summary>Refuses the first <see cref="Clashes"/> saves that add an order, as the unique index does when another
    /// desk's order took the number in between.</summary>
    private sealed class NumberClash : SaveChangesInterceptor
    {
        public int Clashes { get; init; }
        public int Attempts { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (e.Context!.ChangeTracker.Entries<RepairOrder>().Any(x => x.State == EntityState.Added) && ++Attempts <= Clashes)
                throw new DbUpdateException("UNIQUE constraint failed: RepairOrders.ProjectId, RepairOrders.Number");
            return ValueTask.FromResult(result);
        }
    }

    private static AppServices App(NumberClash clash) => new(services =>
    {
        var options = (DbContextOptions<AppDbContext>)services.Single(d => d.ServiceType == typeof(DbContextOptions<AppDbContext>)).ImplementationInstance!;
        services.Replace(ServiceDescriptor.Singleton(new DbContextOptionsBuilder<AppDbContext>(options).AddInterceptors(clash).Options));
    });

    private static readonly RepairIntake Lobby = new(null, "1栋大堂", "水电", "大堂灯不亮", RepairUrgency.Normal, RepairChannel.Phone, ContactName: "保洁王阿姨", ContactPhone: "13700137000");

    [Fact]
    public async Task A_number_taken_in_between_is_retried_and_the_order_registered_once()
    {
        var clash = new NumberClash { Clashes = 2 };
        await using var app = App(clash);
        var (a, _) = await app.TwoCompaniesAsync();
        using var scope = app.As(Roles.ServiceDesk, a);

        var (id, number) = await scope.ServiceProvider.GetRequiredService<RepairService>().RegisterAsync(Lobby, []);

        Assert.Equal(3, clash.Attempts);
        await using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        Assert.Equal([(id, number)], await db.RepairOrders.IgnoreQueryFilters().Select(o => ValueTuple.Create(o.Id, o.Number)).ToListAsync());
    }

    [Fact]
    public async Task A_save_that_keeps_failing_gives_up_after_three_attempts_and_stores_nothing()
    {
        var clash = new NumberClash { Clashes = int.MaxValue };
        await using var app = App(clash);
        var (a, _) = await app.TwoCompaniesAsync();
        using var scope = app.As(Roles.ServiceDesk, a);

        await Assert.ThrowsAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<RepairService>().RegisterAsync(Lobby, []));

        Assert.Equal(3, clash.Attempts);
        await using var db = new AppDbContext(app.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        Assert.Empty(await db.RepairOrders.IgnoreQueryFilters().ToListAsync());
    }
}
