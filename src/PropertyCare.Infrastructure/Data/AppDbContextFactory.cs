using Microsoft.EntityFrameworkCore;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Data;

/// <summary>Short-lived contexts bound to the caller's tenant context. Scoped, because each circuit,
/// request and job has its own tenant; Blazor components take one per operation and dispose it.</summary>
public sealed class AppDbContextFactory(DbContextOptions<AppDbContext> options, TenantContext tenant) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new(options, tenant);
}
