using System.Diagnostics;
using System.Text;

namespace Gongkai.Cli.Tests;

/// <summary>Runs the real <c>gongkai</c> executable (built beside the tests) as a user would.</summary>
internal static class Gongkai
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run Invoke(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Testing.SharedData.Folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gongkai.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("gongkai did not finish in 2 minutes: " + string.Join(' ', args));
        }

        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }
}
