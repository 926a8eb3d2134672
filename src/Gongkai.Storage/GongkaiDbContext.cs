using Gongkai.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Storage;

/// <summary>The reports database; the provider (SQLite or PostgreSQL) comes from <see cref="Database"/>.</summary>
public sealed class GongkaiDbContext(DbContextOptions<GongkaiDbContext> options) : DbContext(options)
{
    public DbSet<AgencyEntity> Agencies => Set<AgencyEntity>();

    public DbSet<ReportEntity> Reports => Set<ReportEntity>();

    public DbSet<SourceFileEntity> SourceFiles => Set<SourceFileEntity>();

    public DbSet<FindingEntity> Findings => Set<FindingEntity>();

    public DbSet<ValueEntity> Values => Set<ValueEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
}
