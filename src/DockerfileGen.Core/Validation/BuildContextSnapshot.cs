using System;

namespace DockerfileGen.Validation;

/// <summary>
/// What the host read from the build context, so Core stays free of I/O. Rules about the ignore file and
/// copied files run only when the host gives a snapshot.
/// </summary>
public sealed record BuildContextSnapshot
{
    /// <summary>The ignore file that applies to this Dockerfile, or null when there is none.</summary>
    public string? IgnoreFileText { get; init; }

    /// <summary>The ignore file's name, for messages (<c>.dockerignore</c> or <c>Dockerfile.dockerignore</c>).</summary>
    public string IgnoreFileName { get; init; } = ".dockerignore";

    /// <summary>
    /// Reads a text file of the context by its context-relative path ('/' separators); null when it does not
    /// exist. Hosts may match file names case-insensitively, as NuGet does for <c>nuget.config</c>.
    /// </summary>
    public Func<string, string?> ReadFile { get; init; } = _ => null;

    /// <summary>
    /// The context-relative path, in the casing it has on disk, of the file <see cref="ReadFile"/> reads for a
    /// path; null when the host does not say. Docker matches ignore patterns case-sensitively, so a rule that found
    /// <c>NuGet.config</c> through a lookup for <c>nuget.config</c> checks the ignore file with the real name.
    /// </summary>
    public Func<string, string?> FindFile { get; init; } = _ => null;

    /// <summary>
    /// True when a file or folder with this name (<c>.git</c>, <c>bin</c>) is anywhere in the context; null when the host
    /// does not say, and the rules then assume it may be there.
    /// </summary>
    public Func<string, bool>? HasEntryNamed { get; init; }
}
