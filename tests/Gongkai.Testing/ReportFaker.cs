using Gongkai.Model.Templates;

namespace Gongkai.Testing;

/// <summary>
/// Makes random, valid reports of the 2019 and 2021 formats: 表三's 勾稽关系 and 表四's totals hold,
/// counts are mostly small with some large ones, amounts have decimals. Deterministic for a seed.
/// </summary>
public static class ReportFaker
{
    // Names whose traditional form converts back unchanged (so traditional renders round-trip).
    private static readonly string[] Places = ["资阳市", "抚顺市", "昌吉州", "绵阳市", "雁江区", "乐山市", "宜宾市", "南充市", "德阳市", "遂宁市"];
    private static readonly string[] Departments = ["财政局", "教育局", "民政局", "交通运输局", "自然资源局", "卫生健康委员会", "人民政府办公室", "审计局", "统计局", "金融发展局"];

    public static FakeReport Create(int seed, TemplateDefinition? template = null)
    {
        var random = new Random(seed);
        template ??= random.Next(2) == 0 ? TemplateCatalog.V2021 : TemplateCatalog.V2019;
        var year = template.Id == Ids.Templates.V2021 ? random.Next(2021, 2026) : random.Next(2019, 2021);
        var values = new Dictionary<(string, string, string), decimal>();
        var units = new Dictionary<(string, string, string), string>();

        foreach (var table in template.Tables)
        {
            switch (table.Id)
            {
                case Ids.Tables.Active:
                    FillActive(random, table, values, units);
                    break;
                case Ids.Tables.Requests:
                    FillRequests(random, table, values);
                    break;
                case Ids.Tables.Review:
                    FillReview(random, table, values);
                    break;
            }
        }

        return new FakeReport
        {
            Agency = Places[random.Next(Places.Length)] + Departments[random.Next(Departments.Length)],
            Year = year,
            Published = new DateOnly(year + 1, 1, random.Next(5, 29)),
            Template = template,
            Values = values,
            Units = units,
            ActiveItems = random.Next(20, 2000),
        };
    }

    private static int Count(Random random) => random.Next(10) switch
    {
        < 6 => 0,
        < 9 => random.Next(1, 20),
        _ => random.Next(20, 3000),
    };

    private static void FillActive(Random random, TableDefinition table, Dictionary<(string, string, string), decimal> values, Dictionary<(string, string, string), string> units)
    {
        foreach (var row in table.Rows)
        {
            foreach (var field in row.Fields)
            {
                decimal value = field.Kind switch
                {
                    FieldKind.Amount => Math.Round((decimal)random.NextDouble() * 500, random.Next(0, 4)),
                    FieldKind.SignedCount => random.Next(-5, 6),
                    _ => Count(random),
                };
                values[(table.Id, row.Id, field.Id)] = value;
                if (field.Kind == FieldKind.Amount && field.Unit is null)
                {
                    values[(table.Id, row.Id, field.Id)] = random.Next(0, 5_000_000);
                    units[(table.Id, row.Id, field.Id)] = "元";
                }
            }
        }
    }

    private static void FillRequests(Random random, TableDefinition table, Dictionary<(string, string, string), decimal> values)
    {
        var applicants = Ids.Requests.ApplicantColumns;
        foreach (var column in applicants)
        {
            decimal outcomes = 0;
            foreach (var row in table.Rows.Where(r => r.Role == RowRole.Outcome))
            {
                var v = random.Next(4) == 0 ? Count(random) : 0;
                values[(table.Id, row.Id, column)] = v;
                outcomes += v;
            }

            var carriedForward = random.Next(5) == 0 ? random.Next(0, 10) : 0;
            var carriedOver = random.Next(5) == 0 ? random.Next(0, (int)outcomes + carriedForward + 1) : 0;
            values[(table.Id, Ids.Requests.Total, column)] = outcomes;
            values[(table.Id, Ids.Requests.CarriedForward, column)] = carriedForward;
            values[(table.Id, Ids.Requests.CarriedOver, column)] = carriedOver;
            values[(table.Id, Ids.Requests.NewReceived, column)] = outcomes + carriedForward - carriedOver;
        }

        foreach (var row in table.Rows)
        {
            values[(table.Id, row.Id, Ids.Requests.TotalColumn)] = applicants.Sum(c => values[(table.Id, row.Id, c)]);
        }
    }

    private static void FillReview(Random random, TableDefinition table, Dictionary<(string, string, string), decimal> values)
    {
        foreach (var row in table.Rows)
        {
            decimal sum = 0;
            foreach (var field in row.Fields.Where(f => f.Id != Ids.Review.Total))
            {
                var v = random.Next(3) == 0 ? random.Next(0, 12) : 0;
                values[(table.Id, row.Id, field.Id)] = v;
                sum += v;
            }

            values[(table.Id, row.Id, Ids.Review.Total)] = sum;
        }
    }
}
