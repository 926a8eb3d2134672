namespace Gongkai.Storage.Import;

/// <summary>Reads a stream to its end but never past a limit, whatever the source claimed its size was.</summary>
internal static class BoundedRead
{
    /// <summary>The whole stream; an <see cref="IOException"/> with <paramref name="tooLarge"/> as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAll(Stream stream, long maxBytes, string tooLarge)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new IOException(tooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
