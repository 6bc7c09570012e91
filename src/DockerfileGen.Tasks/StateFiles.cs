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

    /// <summary>Writes <paramref name="state"/>, creating the folder if needed.</summary>
    public static void Write(string path, StateFile state)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, state.Format());
    }

    /// <summary>
    /// Writes <paramref name="state"/> and moves the file's time stamp to now even when the text is the same: a stamp that
    /// is the output of an incremental target, whose time is what MSBuild compares.
    /// </summary>
    public static void Touch(string path, StateFile state)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        if (!WriteIfChanged(path, state))
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
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

        Write(path, state);
        return true;
    }
}
