using System;
using System.IO;
using DockerfileGen.Model;

namespace DockerfileGen.Tasks;

/// <summary>
/// Reads and writes the <see cref="StateFile"/>s DockerfileGen keeps in <c>obj/</c>. A file that is missing, unreadable
/// or of another format reads as absent; a write happens only when the text changes, atomically, so a file's time stamp
/// moves only when what it remembers does (the targets' incremental checks compare time stamps).
/// </summary>
internal static class StateFiles
{
    /// <summary>The state at <paramref name="path"/>, or null when there is none to use.</summary>
    public static StateFile? Read(string path, string kind)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            return StateFile.Parse(AtomicFile.ReadOrNull(path), kind);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="state"/> unless the file already says the same; true when it wrote.</summary>
    public static bool WriteIfChanged(string path, StateFile state)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var content = state.Format();
        if (AtomicFile.ReadOrNull(path) == content)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, content);
        return true;
    }
}
