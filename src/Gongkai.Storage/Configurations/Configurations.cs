using Gongkai.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Storage.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<AgencyEntity>
{
    public void Configure(EntityTypeBuilder<AgencyEntity> builder)
    {
        builder.ToTable("agencies");
        builder.HasIndex(a => a.Key).IsUnique();
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Region).HasMaxLength(200);
        builder.HasIndex(a => a.Region);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<ReportEntity>
{
    public void Configure(EntityTypeBuilder<ReportEntity> builder)
    {
        builder.ToTable("reports");
        builder.HasIndex(r => r.ContentHash).IsUnique();
        builder.HasIndex(r => new { r.AgencyId, r.Year, r.IsCurrent });
        builder.HasIndex(r => new { r.Year, r.IsCurrent });
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.Template).HasMaxLength(8);
        builder.Property(r => r.FileName).HasMaxLength(1000);
        builder.HasOne(r => r.Agency).WithMany(a => a.Reports).HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Document).WithOne().HasForeignKey<ReportDocumentEntity>(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Source).WithOne().HasForeignKey<SourceFileEntity>(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.ValueSet).WithOne().HasForeignKey<ValueSetEntity>(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportDocumentConfiguration : IEntityTypeConfiguration<ReportDocumentEntity>
{
    public void Configure(EntityTypeBuilder<ReportDocumentEntity> builder)
    {
        builder.ToTable("report_documents");
        builder.HasKey(d => d.ReportId);
        builder.Property(d => d.ModelJson).HasConversion(Compressed.TextConverter);
        builder.Property(d => d.Text).HasConversion(Compressed.TextConverter);
    }
}

internal sealed class SourceFileConfiguration : IEntityTypeConfiguration<SourceFileEntity>
{
    public void Configure(EntityTypeBuilder<SourceFileEntity> builder)
    {
        builder.ToTable("source_files");
        builder.HasKey(s => s.ReportId);
        builder.Property(s => s.Bytes).HasConversion(Compressed.BytesConverter, Compressed.BytesComparer);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<FindingEntity>
{
    public void Configure(EntityTypeBuilder<FindingEntity> builder)
    {
        builder.ToTable("findings");
        builder.HasIndex(f => new { f.Code, f.ReportId });
        builder.Property(f => f.Code).HasMaxLength(16);
        builder.Property(f => f.Severity).HasMaxLength(8);
    }
}

internal sealed class ValueSetConfiguration : IEntityTypeConfiguration<ValueSetEntity>
{
    public void Configure(EntityTypeBuilder<ValueSetEntity> builder)
    {
        builder.ToTable("value_sets");
        builder.HasKey(v => v.ReportId);
        builder.PrimitiveCollection(v => v.Values).ElementType(e => e.HasPrecision(18, 4));
    }
}

internal sealed class ValueCellConfiguration : IEntityTypeConfiguration<ValueCellEntity>
{
    public void Configure(EntityTypeBuilder<ValueCellEntity> builder)
    {
        builder.ToTable("value_cells");
        builder.HasIndex(c => new { c.TableId, c.RowId, c.ColumnId }).IsUnique();
        builder.Property(c => c.TableId).HasMaxLength(16);
        builder.Property(c => c.RowId).HasMaxLength(64);
        builder.Property(c => c.ColumnId).HasMaxLength(32);
    }
}

internal sealed class ValueTotalConfiguration : IEntityTypeConfiguration<ValueTotalEntity>
{
    public void Configure(EntityTypeBuilder<ValueTotalEntity> builder)
    {
        builder.ToTable("value_totals");
        builder.HasKey(t => new { t.Region, t.Category, t.Year, t.TableId, t.RowId, t.ColumnId });
        builder.Property(t => t.Region).HasMaxLength(200);
        builder.Property(t => t.TableId).HasMaxLength(16);
        builder.Property(t => t.RowId).HasMaxLength(64);
        builder.Property(t => t.ColumnId).HasMaxLength(32);
        builder.Property(t => t.Sum).HasPrecision(18, 4);
    }
}
