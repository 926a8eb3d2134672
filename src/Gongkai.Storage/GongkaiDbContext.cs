using Gongkai.Storage.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Storage;

/// <summary>
/// The reports database, with the administrators' accounts (ASP.NET Core Identity); the provider
/// (SQLite or PostgreSQL) comes from <see cref="Database"/>.
/// </summary>
public sealed class GongkaiDbContext(DbContextOptions<GongkaiDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<AgencyEntity> Agencies => Set<AgencyEntity>();

    public DbSet<ReportEntity> Reports => Set<ReportEntity>();

    public DbSet<ReportDocumentEntity> ReportDocuments => Set<ReportDocumentEntity>();

    public DbSet<SourceFileEntity> SourceFiles => Set<SourceFileEntity>();

    public DbSet<FindingEntity> Findings => Set<FindingEntity>();

    public DbSet<ValueSetEntity> ValueSets => Set<ValueSetEntity>();

    public DbSet<ValueCellEntity> ValueCells => Set<ValueCellEntity>();

    public DbSet<ValueTotalEntity> ValueTotals => Set<ValueTotalEntity>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
    }
}
