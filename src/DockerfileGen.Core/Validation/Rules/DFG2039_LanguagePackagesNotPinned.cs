using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using System;
using System.Collections.Generic;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// pip and npm install the newest release that matches: an unpinned package changes between two builds of the
/// same commit. A lock file, or an explicit version, makes the layer repeatable.
/// </summary>
public sealed class DFG2039_LanguagePackagesNotPinned : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2039";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    /// <inheritdoc />
    public override string Title => "`pip install` or `npm install` of a package without a version, so a rebuild may install another one.";

    /// <inheritdoc />
    public override string Fix => "Pin it (`pip install requests==2.32.3`, `npm install typescript@5.6.3`), or install from a lock file (`pip install -r requirements.txt`, `npm ci`).";

    // A version specifier, or something that is not a package name from the index (a path, a URL, an archive).
    private static bool IsPinnedPip(string package) =>
        package.IndexOfAny(new[] { '=', '<', '>', '~', '@', '/' }) >= 0 || package.StartsWith(".", StringComparison.Ordinal)
        || package.EndsWith(".whl", StringComparison.Ordinal) || package.EndsWith(".tar.gz", StringComparison.Ordinal) || package.EndsWith(".zip", StringComparison.Ordinal);

    private static bool IsPinnedNpm(string package)
    {
        // @scope/name@1.2.3: the version's @ is the one after the first character.
        if (package.IndexOf('@', 1) > 0 || package.StartsWith(".", StringComparison.Ordinal) || package.StartsWith("/", StringComparison.Ordinal)
            || package.IndexOf("://", StringComparison.Ordinal) >= 0 || package.StartsWith("git", StringComparison.Ordinal) || package.StartsWith("file:", StringComparison.Ordinal)
            || package.EndsWith(".tgz", StringComparison.Ordinal) || package.EndsWith(".tar.gz", StringComparison.Ordinal))
        {
            return true;
        }

        // user/repo is a GitHub shorthand, which names a commit-ish rather than a registry package.
        return !package.StartsWith("@", StringComparison.Ordinal) && package.IndexOf('/') > 0;
    }

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            foreach (var (manager, _, packages) in PackageCommands.Installs(instruction))
            {
                if (manager != "pip" && manager != "npm")
                {
                    continue;
                }

                var unpinned = new List<string>();
                foreach (var package in packages)
                {
                    if (!ShellWords.HasVariable(package) && (manager == "pip" ? !IsPinnedPip(package) : !IsPinnedNpm(package)))
                    {
                        unpinned.Add(package);
                    }
                }

                if (unpinned.Count > 0)
                {
                    var example = manager == "pip" ? unpinned[0] + "==<version>" : unpinned[0] + "@<version>";
                    context.Report(instruction, $"{manager} installs {string.Join(", ", unpinned)} without a version, so a rebuild may get another release. Pin {(unpinned.Count == 1 ? "it" : "them")} ({example}), or install from a lock file.");
                    break;
                }
            }
        }
    }
}
