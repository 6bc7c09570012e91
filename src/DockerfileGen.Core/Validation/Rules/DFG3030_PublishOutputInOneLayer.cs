using System;
using System.Collections.Generic;
using System.Globalization;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// A final stage that copies the whole <c>dotnet publish</c> output in one COPY makes one layer of the app and the NuGet
/// packages it restored: a one-line code change gives that layer a new digest, so every push uploads and every registry
/// stores the packages again. The packages (and the runtime of a self-contained app) change far less often than the
/// code, so copied in their own layers they stay cached. A single-file or Native AOT app is one file: nothing to split.
/// DockerfileGen's own output is layered whenever the app has something to set apart.
/// </summary>
public sealed class DFG3030_PublishOutputInOneLayer : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3030";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    /// <inheritdoc />
    public override string Title => "The final stage copies the whole `dotnet publish` output, NuGet packages included, in one layer.";

    /// <inheritdoc />
    public override string Fix => "Copy NuGet packages, referenced projects and the app in separate layers, as DockerfileGen generates, so a code edit pushes only the app's own files.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var final = DockerfileQueries.FinalStage(document);
        if (final is null)
        {
            return;
        }

        var copiesByStage = new Dictionary<int, List<(Instruction Copy, string From)>>();
        foreach (var link in DockerfileQueries.Chain(document, final))
        {
            foreach (var instruction in link.Instructions)
            {
                if (instruction.Name == "COPY" && instruction.FlagValue("from") is { Length: > 0 } written
                    && SourceStage(document, instruction.Expand(ShellWords.Unquote(written)), instruction.StageIndex) is { } source)
                {
                    if (!copiesByStage.TryGetValue(source.Index, out var copies))
                    {
                        copiesByStage[source.Index] = copies = new List<(Instruction, string)>();
                    }

                    copies.Add((instruction, written));
                }
            }
        }

        foreach (var pair in copiesByStage)
        {
            // Two COPYs out of the same stage already split what it built; only a lone COPY of the whole output is one layer.
            if (pair.Value.Count != 1)
            {
                continue;
            }

            var (copy, from) = pair.Value[0];
            var sources = DockerfileQueries.Sources(copy);
            if (sources.Count != 1 || WholeFolder(sources[0]) is not { } folder)
            {
                continue;
            }

            var publish = PublishInto(document, document.Stages[pair.Key], folder);
            // DockerfileGen's own publish (-p:DockerfileGenInsideImage=true) without layer folders: generation found nothing
            // to set apart (no package, no referenced project) or the project turned layering off (DockerfileGenLayers=false).
            if (publish is null || BundlesOneFile(context, final, publish) || publish.Has("-p:DockerfileGenInsideImage=true"))
            {
                continue;
            }

            var runtime = ShipsRuntime(context, publish);
            context.Report(copy, $"The whole publish output of line {publish.Instruction.Start.Line}, NuGet packages{(runtime ? " and the .NET runtime" : "")} included, is one layer (COPY --from={from} {sources[0]} {DockerfileQueries.Destination(copy)}), so every code change ships and stores {(runtime ? "them" : "the packages")} again. Copy {(runtime ? "the runtime, " : "")}NuGet packages, referenced projects and the app in separate layers, as DockerfileGen generates, so a code edit pushes only the app's own files.");
        }
    }

    // The earlier stage a COPY --from names (by name or index); null for an image or a stage the file does not define.
    private static Stage? SourceStage(DockerfileDocument document, string from, int copyStage)
    {
        if (ShellWords.HasVariable(from))
        {
            return null;
        }

        if (int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index < copyStage && index < document.Stages.Count ? document.Stages[index] : null;
        }

        return document.FindStage(from) is { } stage && stage.Index < copyStage ? stage : null;
    }

    // A COPY --from source that is a whole folder (/app, /app/, /app/., /app/*), as a path from the stage's root without
    // the leading '/'; null for the stage's root or a path with variables or wildcards inside.
    private static string? WholeFolder(string source)
    {
        var path = source.Replace('\\', '/');
        var trimmed = true;
        while (trimmed)
        {
            trimmed = false;
            foreach (var suffix in new[] { "/*", "/.", "/" })
            {
                if (path.EndsWith(suffix, StringComparison.Ordinal))
                {
                    path = path.Substring(0, path.Length - suffix.Length);
                    trimmed = true;
                }
            }
        }

        path = Normalize(path);
        return path.Length == 0 || ShellWords.HasVariable(path) || path.IndexOfAny(new[] { '*', '?', '[' }) >= 0 ? null : path;
    }

    // An absolute path made comparable: no leading "/" or "./", no "." segments, no trailing "/".
    private static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment.Length > 0 && segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join("/", segments);
    }

    /// <summary>
    /// The last <c>dotnet publish</c> in the stages the source stage is made of whose <c>-o</c> is <paramref name="folder"/>
    /// (a relative one resolved against the WORKDIR), provided the app's packages were restored by then: by a
    /// <c>dotnet restore</c>, or by a build or publish without <c>--no-restore</c>.
    /// </summary>
    private static DotNetCommand? PublishInto(DockerfileDocument document, Stage source, string folder)
    {
        DotNetCommand? found = null;
        var restored = false;
        var workdir = "";
        foreach (var stage in DockerfileQueries.Chain(document, source))
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name == "WORKDIR" && instruction.Arguments.Count > 0)
                {
                    var path = instruction.Expand(ShellWords.Unquote(instruction.ArgumentText.Trim()));
                    workdir = path.StartsWith("/", StringComparison.Ordinal) ? Normalize(path) : Normalize(workdir + "/" + path);
                    continue;
                }

                foreach (var words in DockerfileQueries.CommandsOf(instruction, "dotnet"))
                {
                    var command = new DotNetCommand(instruction, words);
                    if (command.Verb == "restore" || (command.Verb is "build" or "publish" or "test" && !command.Has("--no-restore") && !command.Has("--no-build")))
                    {
                        restored = true;
                    }

                    if (command.Verb == "publish" && restored && OutputOf(command) is { } output
                        && (output.StartsWith("/", StringComparison.Ordinal) ? Normalize(output) : Normalize(workdir + "/" + output)) == folder)
                    {
                        found = command;
                    }
                }
            }
        }

        return found;
    }

    // The -o/--output folder of a publish, its build variables expanded; null when absent or not known.
    private static string? OutputOf(DotNetCommand publish)
    {
        var words = publish.Words;
        for (var i = 2; i < words.Count; i++)
        {
            string? value = words[i] is "-o" or "--output" ? (i + 1 < words.Count ? words[i + 1] : null)
                : words[i].StartsWith("--output=", StringComparison.Ordinal) ? words[i].Substring("--output=".Length)
                : words[i].StartsWith("-o:", StringComparison.Ordinal) || words[i].StartsWith("-o=", StringComparison.Ordinal) ? words[i].Substring(3)
                : null;
            if (value is not null)
            {
                var expanded = publish.Instruction.Expand(value);
                return expanded.Length == 0 || ShellWords.HasVariable(expanded) ? null : expanded;
            }
        }

        return null;
    }

    /// <summary>
    /// True when publish writes one file: the command line sets <c>PublishSingleFile</c> or <c>PublishAot</c> (it wins
    /// over the project), or the project's deployment mode says so. Without that fact, the final image decides: a
    /// <c>runtime-deps</c> image, <c>scratch</c>, or one the file does not name is where self-contained single-file and
    /// Native AOT apps live, so the rule stays silent there rather than guess.
    /// </summary>
    private static bool BundlesOneFile(RuleContext context, Stage final, DotNetCommand publish)
    {
        if (PropertyIsTrue(publish, "PublishSingleFile") || PropertyIsTrue(publish, "PublishAot"))
        {
            return true;
        }

        if (context.Options.Facts?.Deployment is { } mode)
        {
            return mode.SingleFile || mode.NativeAot;
        }

        var image = DockerfileQueries.BaseImageOf(context.Document, final);
        return image is null || image.DotNetRepository == "runtime-deps";
    }

    // Whether publish copies the .NET runtime into the output: a self-contained app, by the command line or the project.
    private static bool ShipsRuntime(RuleContext context, DotNetCommand publish)
    {
        var words = publish.Words;
        for (var i = 2; i < words.Count; i++)
        {
            if (words[i] is "--self-contained" or "--sc")
            {
                return !(i + 1 < words.Count && string.Equals(words[i + 1], "false", StringComparison.OrdinalIgnoreCase));
            }

            if (words[i] is "--self-contained=true" or "--sc=true")
            {
                return true;
            }
        }

        return PropertyIsTrue(publish, "SelfContained") || context.Options.Facts?.Deployment?.SelfContained == true;
    }

    // True when the command line sets the MSBuild property to true (-p:Name=true, /p:, --property:, -p Name=true, a;b lists).
    private static bool PropertyIsTrue(DotNetCommand command, string name)
    {
        var words = command.Words;
        for (var i = 2; i < words.Count; i++)
        {
            var word = words[i];
            string? assignments = null;
            if (word is "-p" or "--property" or "/p" or "-property" or "/property")
            {
                assignments = i + 1 < words.Count ? words[i + 1] : null;
            }
            else
            {
                foreach (var prefix in new[] { "-p:", "/p:", "--property:", "-property:", "/property:" })
                {
                    if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        assignments = word.Substring(prefix.Length);
                    }
                }
            }

            foreach (var assignment in (assignments ?? "").Split(';'))
            {
                var equals = assignment.IndexOf('=');
                if (equals > 0 && string.Equals(assignment.Substring(0, equals).Trim(), name, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(assignment.Substring(equals + 1).Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
