using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using System;
using System.Collections.Generic;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Without a version, the package a rebuild installs is whatever the archive serves that day. Pinning makes builds
/// repeatable, but distributions drop old versions from their archives, and a pinned build then fails; many teams
/// prefer fresh security fixes. So this rule is off unless you turn it on (<c>DFG2038=info</c>).
/// </summary>
public sealed class DFG2038_OsPackagesNotPinned : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2038";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    /// <inheritdoc />
    public override string Title => "`apt-get install`/`apk add` of a package without a version (`curl=8.5.0-2`), so a rebuild may install another one. Off by default.";

    /// <inheritdoc />
    public override string Fix => "Pin the version (`apt-get install curl=<version>`, `apk add curl=<version>`), or leave the rule off and rebuild regularly.";

    /// <inheritdoc />
    public override bool EnabledByDefault => false;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            foreach (var (manager, _, packages) in PackageCommands.Installs(instruction))
            {
                if (manager != "apt" && manager != "apk")
                {
                    continue;
                }

                var unpinned = new List<string>();
                foreach (var package in packages)
                {
                    // apt: name=version; apk: name=version, name~version, name>version. A .deb file or a path is not a name.
                    if (package.IndexOfAny(new[] { '=', '~', '>', '<', '/' }) < 0 && !package.EndsWith(".deb", StringComparison.Ordinal) && !ShellWords.HasVariable(package))
                    {
                        unpinned.Add(package);
                    }
                }

                if (unpinned.Count > 0)
                {
                    context.Report(instruction, $"{string.Join(", ", unpinned)} {(unpinned.Count == 1 ? "has" : "have")} no version, so a rebuild installs whatever the archive serves that day. Pin {(unpinned.Count == 1 ? "it" : "them")} ({unpinned[0]}=<version>).");
                    break;
                }
            }
        }
    }
}
