namespace Gongkai.Model.Templates;

/// <summary>
/// The stable ids of the data contract (shared/spec/annual-report-format.md) that code refers to by
/// name. TemplateDataTests checks them against the JSON data both ways.
/// </summary>
public static class Ids
{
    public static class Templates
    {
        public const string V2021 = "2021";
        public const string V2019 = "2019";
        public const string V2008 = "2008";
    }

    public static class Tables
    {
        public const string Active = "active";
        public const string Requests = "requests";
        public const string Review = "review";
    }

    /// <summary>表三 rows and columns the arithmetic rules name.</summary>
    public static class Requests
    {
        public const string NewReceived = "newReceived";
        public const string CarriedOver = "carriedOver";
        public const string Total = "total";
        public const string CarriedForward = "carriedForward";
        public const string TotalColumn = "total";

        public static readonly IReadOnlyList<string> ApplicantColumns =
            ["naturalPerson", "business", "research", "nonprofit", "legal", "other"];
    }

    /// <summary>表四 groups and columns.</summary>
    public static class Review
    {
        public const string Upheld = "upheld";
        public const string Corrected = "corrected";
        public const string Other = "other";
        public const string Pending = "pending";
        public const string Total = "total";
    }
}
