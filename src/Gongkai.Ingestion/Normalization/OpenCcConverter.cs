using System.Runtime.InteropServices;

namespace Gongkai.Ingestion.Normalization;

/// <summary>
/// Traditional → simplified through the system's OpenCC (Debian <c>libopencc1.1</c> with
/// <c>libopencc-data</c>, installed by eng/setup.sh), called through P/Invoke with the t2s
/// configuration. One converter per thread.
/// </summary>
internal static partial class OpenCcConverter
{
    private const string Library = "libopencc.so.1.1";
    private static readonly string[] ConfigCandidates =
        ["/usr/share/opencc/t2s.json", "/usr/local/share/opencc/t2s.json", "t2s.json"];

    private static readonly ThreadLocal<IntPtr> Handle = new(Open);
    private static string? _unavailable;

    /// <summary>Why conversion is impossible on this machine, or null when it works.</summary>
    public static string? Unavailable
    {
        get
        {
            _ = TryGetHandle();
            return _unavailable;
        }
    }

    /// <summary>Converts <paramref name="text"/>; null when OpenCC is not available.</summary>
    public static string? ToSimplified(string text)
    {
        var handle = TryGetHandle();
        if (handle == IntPtr.Zero)
        {
            return null;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var result = Convert(handle, bytes, (nuint)bytes.Length);
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

    private static IntPtr TryGetHandle()
    {
        try
        {
            return Handle.Value;
        }
        catch (DllNotFoundException)
        {
            _unavailable = "未找到 libopencc（请运行 eng/setup.sh 安装 libopencc1.1 与 libopencc-data）";
            return IntPtr.Zero;
        }
        catch (EntryPointNotFoundException e)
        {
            _unavailable = "libopencc 版本不兼容：" + e.Message;
            return IntPtr.Zero;
        }
    }

    private static IntPtr Open()
    {
        foreach (var config in ConfigCandidates)
        {
            if (!File.Exists(config) && Path.IsPathRooted(config))
            {
                continue;
            }

            var handle = OpenConverter(config);
            if (handle != IntPtr.Zero && handle != new IntPtr(-1))
            {
                return handle;
            }
        }

        _unavailable = "OpenCC 无法加载 t2s 配置（请安装 libopencc-data）";
        return IntPtr.Zero;
    }

    [LibraryImport(Library, EntryPoint = "opencc_open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr OpenConverter(string configFileName);

    [LibraryImport(Library, EntryPoint = "opencc_convert_utf8")]
    private static partial IntPtr Convert(IntPtr handle, byte[] input, nuint length);

    [LibraryImport(Library, EntryPoint = "opencc_convert_utf8_free")]
    private static partial void ConvertFree(IntPtr text);
}
