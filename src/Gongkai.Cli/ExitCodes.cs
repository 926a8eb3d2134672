namespace Gongkai.Cli;

/// <summary>What <c>gongkai check</c>, <c>parse</c> and <c>import</c> exit with.</summary>
internal static class ExitCodes
{
    /// <summary>Every input read; no error-severity finding.</summary>
    public const int Ok = 0;

    /// <summary>Every input read; at least one error-severity finding (check only).</summary>
    public const int Findings = 1;

    /// <summary>import: the database refused the data or the connection (the failed batch was rolled back).</summary>
    public const int DatabaseFailed = 1;

    /// <summary>At least one input could not be read (missing, empty, binary, not a report).</summary>
    public const int Unreadable = 2;
}
