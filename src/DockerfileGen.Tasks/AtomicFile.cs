using System;
using System.IO;
using System.Text;

namespace DockerfileGen.Tasks;

/// <summary>File access for the tasks: reads that tolerate a missing file, and writes that never leave half a file.</summary>
internal static class AtomicFile
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file's text, or null when there is no file.</summary>
    public static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    /// <summary>
    /// Writes to a temporary file in the same folder, then renames it over the target. A crash or a parallel
    /// build sees the old file or the new one, never a mix.
    /// </summary>
    public static void Write(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temp, content, Utf8NoBom);
            if (File.Exists(path))
            {
                File.Replace(temp, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temp, path);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
