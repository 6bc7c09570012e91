using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>
/// A folder in which no file can be created, for as long as this lives: read-only by mode, and, for root (whom the
/// mode does not stop), immutable (chattr +i). Its subfolders stay writable, as obj/ stays in a read-only checkout.
/// </summary>
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly string path;
    private readonly UnixFileMode mode;
    private bool immutable;

    private ReadOnlyFolder(string path)
    {
        this.path = path;
        mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(path);
    }

    /// <summary>Why the folder could not be made read-only here, or null when it is.</summary>
    public string? WhyNot { get; private set; }

    public static ReadOnlyFolder Make(string path)
    {
        var folder = new ReadOnlyFolder(path);
        if (OperatingSystem.IsWindows())
        {
            folder.WhyNot = "Unix file modes only";
            return folder;
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (IsWritable(path))
        {
            try
            {
                folder.immutable = ProcessRunner.Run("chattr", new[] { "+i", path }, path, TimeSpan.FromSeconds(30)).ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No chattr on this machine.
            }

            if (IsWritable(path))
            {
                folder.WhyNot = "this user can write to a read-only folder, and chattr +i is not available";
            }
        }

        return folder;
    }

    public void Dispose()
    {
        if (immutable)
        {
            ProcessRunner.Run("chattr", new[] { "-i", path }, Path.GetTempPath(), TimeSpan.FromSeconds(30)).EnsureSuccess("chattr -i");
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static bool IsWritable(string folder)
    {
        var probe = Path.Combine(folder, ".write-probe");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
