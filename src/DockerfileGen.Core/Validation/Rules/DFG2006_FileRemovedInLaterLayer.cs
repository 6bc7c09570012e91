using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Every instruction is a layer: a file added in one layer and deleted in a later one is still in the image,
/// it is only hidden. Add, use and delete it in the same RUN (or in a build stage) instead.
/// </summary>
public sealed class DFG2006_FileRemovedInLaterLayer : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2006";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "A file is removed in a later layer than the one that added it (its bytes stay in the image).";

    /// <inheritdoc />
    public override string Fix => "Download, use and delete it in one RUN, use a bind/secret mount, or do the work in a build stage.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Document.Stages)
        {
            var workdir = "/";
            var added = new List<(string Path, int Line)>();
            foreach (var instruction in stage.Instructions)
            {
                switch (instruction.Name)
                {
                    case "WORKDIR" when instruction.Arguments.Count > 0:
                        workdir = Resolve(workdir, instruction.Arguments[0].Unquoted);
                        break;
                    case "COPY":
                    case "ADD":
                        AddCopied(instruction, workdir, added);
                        break;
                    case "RUN":
                        CheckRun(context, instruction, workdir, added);
                        break;
                }
            }
        }
    }

    private static void AddCopied(Instruction instruction, string workdir, List<(string, int)> added)
    {
        var destination = DockerfileQueries.Destination(instruction);
        if (destination is null || ShellWords.HasVariable(destination))
        {
            return;
        }

        var sources = DockerfileQueries.Sources(instruction);
        var target = Resolve(workdir, destination);
        var intoFolder = destination.EndsWith("/", StringComparison.Ordinal) || destination == "." || sources.Count > 1;
        foreach (var source in sources)
        {
            if (!intoFolder || source == "." || source.EndsWith("/", StringComparison.Ordinal) || DockerfileQueries.IsRemote(source) || source.IndexOfAny(new[] { '*', '?', '[' }) >= 0)
            {
                added.Add((target, instruction.Start.Line));
            }
            else
            {
                var name = source.TrimEnd('/');
                var slash = name.LastIndexOf('/');
                added.Add((Resolve(target, slash >= 0 ? name.Substring(slash + 1) : name), instruction.Start.Line));
            }
        }
    }

    private static void CheckRun(RuleContext context, Instruction instruction, string workdir, List<(string Path, int Line)> added)
    {
        var downloaded = new List<(string, int)>();
        var reported = false;
        foreach (var raw in DockerfileQueries.Commands(instruction))
        {
            var command = DockerfileQueries.WithoutPrefix(raw);
            if (command.Count == 0)
            {
                continue;
            }

            var program = DockerfileQueries.ProgramName(command[0]);
            if (program == "cd" && command.Count > 1)
            {
                workdir = Resolve(workdir, command[1]);
            }
            else if (program == "curl" || program == "wget")
            {
                for (var i = 1; i < command.Count - 1; i++)
                {
                    var option = command[i];
                    if ((program == "curl" && (option == "-o" || option == "--output")) || (program == "wget" && (option == "-O" || option == "--output-document")))
                    {
                        if (command[i + 1] != "-" && !ShellWords.HasVariable(command[i + 1]))
                        {
                            downloaded.Add((Resolve(workdir, command[i + 1]), instruction.Start.Line));
                        }
                    }
                }
            }
            else if (program == "rm" && !reported)
            {
                for (var i = 1; i < command.Count; i++)
                {
                    var target = command[i];
                    if (target.StartsWith("-", StringComparison.Ordinal) || ShellWords.HasVariable(target))
                    {
                        continue;
                    }

                    var removed = Resolve(workdir, target);
                    foreach (var (path, line) in added)
                    {
                        if (Overlaps(path, removed))
                        {
                            context.Report(instruction, $"'{target}' is removed here, but it was added by the layer of line {line}: deleting it in a later layer hides it without making the image smaller. Add, use and delete it in one RUN, or do that work in a build stage.");
                            reported = true;
                            break;
                        }
                    }

                    if (reported)
                    {
                        break;
                    }
                }
            }
        }

        added.AddRange(downloaded);
    }

    private static bool Overlaps(string added, string removed)
    {
        var wildcard = removed.IndexOfAny(new[] { '*', '?', '[' });
        if (wildcard >= 0)
        {
            // Files matching the pattern inside a folder that an earlier layer added.
            var folder = removed.Substring(0, Math.Max(removed.LastIndexOf('/', wildcard), 0));
            if (folder.Length > 0 && (folder == added || folder.StartsWith(added.TrimEnd('/') + "/", StringComparison.Ordinal)) && added != "/")
            {
                return true;
            }

            return Glob(removed, 0, added, 0);
        }

        return added == removed
            || added.StartsWith(removed.TrimEnd('/') + "/", StringComparison.Ordinal)
            || (removed.StartsWith(added.TrimEnd('/') + "/", StringComparison.Ordinal) && added != "/");
    }

    // Shell globbing for one path: '*' and '?' stay within a segment, '[' is taken literally (rare in rm).
    // A match of a parent folder of the added path counts, as rm -r removes what is inside.
    private static bool Glob(string pattern, int p, string path, int s)
    {
        while (p < pattern.Length)
        {
            var ch = pattern[p];
            if (ch == '*')
            {
                for (var end = s; ; end++)
                {
                    if (Glob(pattern, p + 1, path, end))
                    {
                        return true;
                    }

                    if (end >= path.Length || path[end] == '/')
                    {
                        return false;
                    }
                }
            }

            if (s >= path.Length || (ch == '?' ? path[s] == '/' : path[s] != ch))
            {
                return false;
            }

            p++;
            s++;
        }

        return s == path.Length || path[s] == '/';
    }

    internal static string Resolve(string workdir, string path)
    {
        var combined = path.StartsWith("/", StringComparison.Ordinal) ? path : workdir.TrimEnd('/') + "/" + path;
        var parts = new List<string>();
        foreach (var part in combined.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join("/", parts);
    }
}
