using System;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// ADD does more than COPY (extracts local archives, downloads URLs) and so surprises readers; a download
/// without <c>--checksum</c> is unverified and its archive stays in a layer.
/// </summary>
public sealed class DFG2005_AddInsteadOfCopy : DockerfileRule
{
    // Docker extracts a local tar archive, plain or compressed with gzip, bzip2, xz or zstd (it looks at the content,
    // not the name). These are the names such archives go by. A .zip is not extracted, so ADD of one is a plain copy.
    private static readonly string[] ArchiveExtensions =
    {
        ".tar", ".gz", ".tgz", ".bz2", ".tbz", ".tbz2", ".tb2", ".xz", ".txz", ".zst", ".tzst", ".lz", ".lzma", ".tlz", ".Z", ".tZ", ".tpz",
    };

    /// <inheritdoc />
    public override string Id => "DFG2005";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "ADD of a local file that is not an archive, or of a remote file without `--checksum`.";

    /// <inheritdoc />
    public override string Fix => "Use COPY for local files; for downloads use `ADD --checksum=sha256:…` or `RUN curl … && tar … && rm` in one layer.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Name != "ADD" || instruction.Heredocs.Count > 0)
            {
                continue;
            }

            foreach (var source in DockerfileQueries.Sources(instruction))
            {
                if (DockerfileQueries.IsRemote(source))
                {
                    if (!instruction.HasFlag("checksum") && !IsGit(source))
                    {
                        context.Report(instruction, $"ADD downloads '{source}' without verifying it, and the file stays in a layer. Add --checksum=sha256:<digest>, or download, extract and delete it in one RUN.");
                    }
                }
                else if (!IsArchive(source) && !Parsing.ShellWords.HasVariable(source))
                {
                    context.Report(instruction, $"ADD copies the local '{source}'; COPY does the same without ADD's archive extraction and URL handling. Use COPY.");
                    break;
                }
            }
        }
    }

    // A Git source is pinned by its ref, and ADD clones rather than downloads it.
    private static bool IsGit(string source)
    {
        var hash = source.IndexOf('#');
        var url = hash >= 0 ? source.Substring(0, hash) : source;
        return url.StartsWith("git", StringComparison.OrdinalIgnoreCase) || url.StartsWith("ssh", StringComparison.OrdinalIgnoreCase)
            || url.EndsWith(".git", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsArchive(string source)
    {
        foreach (var extension in ArchiveExtensions)
        {
            if (source.EndsWith(extension, extension == ".Z" || extension == ".tZ" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
