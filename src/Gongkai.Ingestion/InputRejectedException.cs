namespace Gongkai.Ingestion;

/// <summary>
/// Thrown by a source reader for input it refuses (a limit exceeded), with the line it stopped at;
/// <see cref="ReportReader"/> turns it into the file's <see cref="ReadError"/>.
/// </summary>
public sealed class InputRejectedException : Exception
{
    public InputRejectedException()
    {
    }

    public InputRejectedException(string message)
        : base(message)
    {
    }

    public InputRejectedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public InputRejectedException(string message, int line)
        : base(message) => Line = line;

    public int? Line { get; }
}
