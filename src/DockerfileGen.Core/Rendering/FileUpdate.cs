using System.Linq;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using DockerfileGen.Rendering;

namespace DockerfileGen.Rendering;

/// <summary>What the host should do with one output file.</summary>
public enum FileUpdateAction
{
    /// <summary>No file there yet: write it.</summary>
    Create,

    /// <summary>Our own unedited file with different content: replace it.</summary>
    Update,

    /// <summary>Our own file with the same content: leave it and its timestamp alone.</summary>
    Unchanged,

    /// <summary>The user's file (no marker, or an edited generated file): leave it.</summary>
    Keep,
}

/// <summary>The decision for one file, and the warning that explains a <see cref="FileUpdateAction.Keep"/>.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Diagnostic">Why a file is kept, or null.</param>
public sealed record FileUpdate(FileUpdateAction Action, Diagnostic? Diagnostic)
{
    /// <summary>True when the host has to write the file.</summary>
    public bool MustWrite => Action is FileUpdateAction.Create or FileUpdateAction.Update;

    /// <summary>
    /// Decides how to treat an existing file. A file without our marker is the user's; a file with the
    /// marker whose content no longer matches its hash was edited by hand. Neither is overwritten unless
    /// <paramref name="overwrite"/> is set.
    /// </summary>
    /// <param name="existing">The current content, or null when there is no file.</param>
    /// <param name="generated">The content DockerfileGen would write.</param>
    /// <param name="overwrite">The user asked to replace whatever is there.</param>
    /// <param name="fileName">The file's name, for the message.</param>
    /// <param name="projectFile">The project's file name, for the message.</param>
    /// <param name="dockerfile">
    /// The file is the Dockerfile: an existing file there that is not a Dockerfile (a script, a source file) is kept
    /// with an error, whatever <paramref name="overwrite"/> says.
    /// </param>
    public static FileUpdate Decide(string? existing, string generated, bool overwrite, string fileName, string projectFile, bool dockerfile = false)
    {
        if (existing is null)
        {
            return new FileUpdate(FileUpdateAction.Create, null);
        }

        if (dockerfile && !GeneratedFileMarker.HasMarker(existing) && !IsDockerfileText(existing))
        {
            return new FileUpdate(FileUpdateAction.Keep, DiagnosticCatalog.InvalidDockerfileName(fileName, DiagnosticCatalog.NotADockerfileFile));
        }

        if (GeneratedFileMarker.NormalizeLineEndings(existing) == generated)
        {
            return new FileUpdate(FileUpdateAction.Unchanged, null);
        }

        if (overwrite || GeneratedFileMarker.IsUnedited(existing))
        {
            return new FileUpdate(FileUpdateAction.Update, null);
        }

        return new FileUpdate(
            FileUpdateAction.Keep,
            GeneratedFileMarker.HasMarker(existing)
                ? DiagnosticCatalog.EditedGeneratedFile(fileName, projectFile)
                : DiagnosticCatalog.UserOwnedFile(fileName, projectFile));
    }

    /// <summary>
    /// True when <paramref name="text"/> reads as a Dockerfile (every instruction one Docker knows, the first one other
    /// than ARG a FROM), or holds no instruction at all. Anything else at the Dockerfile's path is some other file of the
    /// user's, which not even <c>DockerfileGenOverwrite</c> may replace.
    /// </summary>
    public static bool IsDockerfileText(string text)
    {
        var instructions = DockerfileParser.Parse(text).Instructions;
        return instructions.All(i => DockerfileParser.Keywords.Contains(i.Name))
            && instructions.FirstOrDefault(i => i.Name != "ARG") is null or { Name: "FROM" };
    }
}
