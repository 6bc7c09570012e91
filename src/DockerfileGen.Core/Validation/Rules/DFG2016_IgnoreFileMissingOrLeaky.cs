using System.Collections.Generic;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Without an ignore file (or with one that lets <c>.git</c>, <c>bin/</c>, <c>obj/</c> and secrets through), the
/// whole folder is sent to the builder: slow builds, cache misses on every build, and secrets in layers. Needs
/// the build context; silent without it.
/// </summary>
public sealed class DFG2016_IgnoreFileMissingOrLeaky : DockerfileRule
{
    private static readonly string[] Probes = { ".git/HEAD", "bin/Release/app.dll", "obj/project.assets.json", ".env", ".vs/config" };

    /// <inheritdoc />
    public override string Id => "DFG2016";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "No ignore file, or one that lets `.git`, `bin/`, `obj/`, `.env` or `.vs/` into the build context (when the context has them).";

    /// <inheritdoc />
    public override string Fix => "Add a `.dockerignore` (or `<Dockerfile>.dockerignore`) that excludes them; DockerfileGen generates an allowlist one.";

    private static IEnumerable<string> Names(List<string> probes)
    {
        foreach (var probe in probes)
        {
            yield return probe.Substring(0, probe.IndexOf('/') < 0 ? probe.Length : probe.IndexOf('/') + 1);
        }
    }

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var snapshot = context.Options.Context;
        if (snapshot is null)
        {
            return;
        }

        Instruction? firstCopy = null;
        foreach (var instruction in context.Document.Instructions)
        {
            if (DockerfileQueries.ReadsContext(instruction))
            {
                firstCopy = instruction;
                break;
            }
        }

        // Nothing is read from the context, so nothing in it matters.
        if (firstCopy is null)
        {
            return;
        }

        // Only what is there can leak: a context with none of these needs no ignore file for them.
        var present = new List<string>();
        foreach (var probe in Probes)
        {
            if (snapshot.HasEntryNamed is not { } has || has(probe.Split('/')[0]))
            {
                present.Add(probe);
            }
        }

        if (present.Count == 0)
        {
            return;
        }

        if (snapshot.IgnoreFileText is null)
        {
            context.Report(firstCopy, $"There is no {snapshot.IgnoreFileName}, so the whole folder ({string.Join(", ", Names(present))}) is sent to the builder and can end up in the image. Add {snapshot.IgnoreFileName} excluding at least .git, bin/ and obj/.");
            return;
        }

        var matcher = context.IgnoreMatcher!;
        var leaks = new List<string>();
        foreach (var probe in present)
        {
            if (!matcher.IsExcluded(probe))
            {
                leaks.Add(probe.Substring(0, probe.IndexOf('/') < 0 ? probe.Length : probe.IndexOf('/') + 1));
            }
        }

        if (leaks.Count > 0)
        {
            context.Report(firstCopy, $"{snapshot.IgnoreFileName} does not exclude {string.Join(", ", leaks)}, so they are sent to the builder and can end up in the image (and break the layer cache). Exclude them.");
        }
    }
}
