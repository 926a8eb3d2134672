using System.Runtime.InteropServices;

namespace Gongkai.Ingestion.Normalization;

/// <summary>
/// Traditional → simplified through the system's OpenCC (Debian <c>libopencc1.1</c> with
/// <c>libopencc-data</c>, installed by eng/setup.sh), called through P/Invoke. One converter per
/// thread.
/// </summary>
/// <remarks>
/// t2s is read with our own configuration (opencc/t2s-unsegmented.json beside the assembly): the
/// same dictionaries (OpenCC finds them in its data folder) and conversion, without the first
/// pass that cuts the text at the phrases of TSPhrases. Conversion already takes, at each
/// position, the longest key of TSPhrases or TSCharacters, so the cut changes nothing, and
/// skipping it saves a third of the dictionary look-ups (OpenCC ran at ~9 MB/s, ~14 without it;
/// a test compares both on every seed). When that file cannot be opened, OpenCC's own t2s is used.
/// </remarks>
internal static partial class OpenCcConverter
{
    private const string Library = "libopencc.so.1.1";
    private static readonly string[] ConfigFolders = ["/usr/share/opencc", "/usr/local/share/opencc"];

    private static readonly ThreadLocal<Dictionary<string, IntPtr>> Handles = new(() => []);
    private static string? _unavailable;

    /// <summary>Why conversion is impossible on this machine, or null when it works.</summary>
    public static string? Unavailable
    {
        get
        {
            _ = TryGetHandle("t2s");
            return _unavailable;
        }
    }

    /// <summary>Traditional → simplified; null when OpenCC is not available.</summary>
    public static string? ToSimplified(string text) => Convert(text, "t2s");

    /// <summary>Simplified → traditional (used to write test reports); null when OpenCC is not available.</summary>
    public static string? ToTraditional(string text) => Convert(text, "s2t");

    private static string? Convert(string text, string config)
    {
        var handle = TryGetHandle(config);
        return handle == IntPtr.Zero ? null : Convert(text, handle);
    }

    private static string? Convert(string text, IntPtr handle)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var result = ConvertUtf8(handle, bytes, (nuint)bytes.Length);
        if (result == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(result);
        }
        finally
        {
            ConvertFree(result);
        }
    }

    private static IntPtr TryGetHandle(string config)
    {
        var handles = Handles.Value!;
        if (handles.TryGetValue(config, out var handle))
        {
            return handle;
        }

        try
        {
            handle = Open(config);
        }
        catch (DllNotFoundException)
        {
            _unavailable = "未找到 libopencc（请运行 eng/setup.sh 安装 libopencc1.1 与 libopencc-data）";
            handle = IntPtr.Zero;
        }
        catch (EntryPointNotFoundException e)
        {
            _unavailable = "libopencc 版本不兼容：" + e.Message;
            handle = IntPtr.Zero;
        }

        handles[config] = handle;
        return handle;
    }

    private static IntPtr Open(string config)
    {
        var own = OwnConfiguration(config);
        if (File.Exists(own) && OpenConverter(own) is var ownHandle && ownHandle != IntPtr.Zero && ownHandle != new IntPtr(-1))
        {
            return ownHandle;
        }

        return OpenSystem(config);
    }

    /// <summary>Where our replacement for one of OpenCC's configurations would be.</summary>
    internal static string OwnConfiguration(string config) =>
        Path.Combine(AppContext.BaseDirectory, "opencc", config + "-unsegmented.json");

    /// <summary>Converts with OpenCC's own configuration, as installed (for tests that compare).</summary>
    internal static string? ConvertWithSystemConfiguration(string text, string config)
    {
        var handle = OpenSystem(config);
        if (handle == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Convert(text, handle);
        }
        finally
        {
            _ = Close(handle);
        }
    }

    private static IntPtr OpenSystem(string config)
    {
        foreach (var folder in ConfigFolders)
        {
            var path = Path.Combine(folder, config + ".json");
            if (!File.Exists(path))
            {
                continue;
            }

            var handle = OpenConverter(path);
            if (handle != IntPtr.Zero && handle != new IntPtr(-1))
            {
                return handle;
            }
        }

        _unavailable = $"OpenCC 无法加载 {config} 配置（请安装 libopencc-data）";
        return IntPtr.Zero;
    }

    [LibraryImport(Library, EntryPoint = "opencc_open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr OpenConverter(string configFileName);

    [LibraryImport(Library, EntryPoint = "opencc_close")]
    private static partial int Close(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "opencc_convert_utf8")]
    private static partial IntPtr ConvertUtf8(IntPtr handle, byte[] input, nuint length);

    [LibraryImport(Library, EntryPoint = "opencc_convert_utf8_free")]
    private static partial void ConvertFree(IntPtr text);
}
