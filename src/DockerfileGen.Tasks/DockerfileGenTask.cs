using System;
using System.IO;
using DockerfileGen.Diagnostics;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks;

/// <summary>
/// The base of every DockerfileGen task: whatever goes wrong inside one ends as a coded error that names the way out,
/// never as MSBuild's MSB4018 with a stack trace. A file that cannot be read or written (a read-only folder, a file
/// another process holds, a full disk) is DFG0046; any other exception is a fault of DockerfileGen's, DFG0047.
/// </summary>
public abstract class DockerfileGenTask : Task
{
    /// <inheritdoc />
    public sealed override bool Execute()
    {
        try
        {
            return Run();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            Report(DiagnosticCatalog.FileAccessFailed(GetType().Name, exception.Message));
            return false;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Report(DiagnosticCatalog.UnexpectedFailure(GetType().Name, exception.GetType().Name + ": " + exception.Message));
            return false;
        }
    }

    /// <summary>The task's work; what <see cref="Task.Execute"/> would be.</summary>
    protected abstract bool Run();

    private void Report(Diagnostic diagnostic) =>
        Log.LogError(null, diagnostic.Code, null, BuildEngine?.ProjectFileOfTaskNode ?? "", 0, 0, 0, 0, diagnostic.Message);
}
