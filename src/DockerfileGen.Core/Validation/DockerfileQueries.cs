using System;
using System.Collections.Generic;
using DockerfileGen.Images;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation;

/// <summary>Questions several rules ask of a parsed Dockerfile.</summary>
public static class DockerfileQueries
{
    /// <summary>The stage an image is built from: the last one.</summary>
    public static Stage? FinalStage(DockerfileDocument document) =>
        document.Stages.Count == 0 ? null : document.Stages[document.Stages.Count - 1];

    /// <summary>The earlier stage a FROM refers to, or null when it names an image.</summary>
    public static Stage? ParentStage(DockerfileDocument document, Stage stage)
    {
        for (var i = stage.Index - 1; i >= 0; i--)
        {
            var candidate = document.Stages[i];
            // FROM ${BASE} may name a stage: BuildKit expands the global ARGs first.
            if (candidate.Name is not null && string.Equals(candidate.Name, stage.ExpandedBaseImage, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The stages an image is made of, from the one built on an external image to <paramref name="stage"/>.</summary>
    public static IReadOnlyList<Stage> Chain(DockerfileDocument document, Stage stage)
    {
        var chain = new List<Stage> { stage };
        var current = stage;
        while (ParentStage(document, current) is { } parent && chain.Count <= document.Stages.Count)
        {
            chain.Insert(0, parent);
            current = parent;
        }

        return chain;
    }

    /// <summary>True when the stage starts from an external image (not <c>scratch</c>, not an earlier stage).</summary>
    public static bool IsExternalImage(DockerfileDocument document, Stage stage) =>
        stage.ExpandedBaseImage.Length > 0
        && !string.Equals(stage.ExpandedBaseImage, "scratch", StringComparison.OrdinalIgnoreCase)
        && ParentStage(document, stage) is null;

    /// <summary>The facts of the external image under <paramref name="stage"/> (followed through earlier stages), or null.</summary>
    public static ImageFacts? BaseImageOf(DockerfileDocument document, Stage stage)
    {
        var root = Chain(document, stage)[0];
        if (!IsExternalImage(document, root) || ShellWords.HasVariable(root.ExpandedBaseImage))
        {
            return null;
        }

        return ImageFacts.Of(root.ExpandedBaseImage);
    }

    /// <summary>
    /// True when what <paramref name="stage"/> leaves behind ends up in the final image: it is the final stage or one the
    /// final stage is built on (<c>FROM stage</c>). Other stages are thrown away; only what is copied out of them stays.
    /// </summary>
    public static bool ReachesFinalImage(DockerfileDocument document, Stage stage)
    {
        var final = FinalStage(document);
        if (final is null)
        {
            return true;
        }

        foreach (var link in Chain(document, final))
        {
            if (link.Index == stage.Index)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The <c>RUN --mount=</c> options of an instruction, each as its <c>key=value</c> fields (keys lower case, values
    /// with the instruction's build variables expanded); <c>type</c> defaults to <c>bind</c> as in BuildKit.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Mounts(Instruction instruction)
    {
        var mounts = new List<IReadOnlyDictionary<string, string>>();
        foreach (var flag in instruction.Flags)
        {
            if (!string.Equals(flag.Name, "mount", StringComparison.OrdinalIgnoreCase) || flag.Value is null)
            {
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["type"] = "bind" };
            foreach (var part in instruction.Expand(ShellWords.Unquote(flag.Value)).Split(','))
            {
                var equals = part.IndexOf('=');
                var key = (equals < 0 ? part : part.Substring(0, equals)).Trim().ToLowerInvariant();
                fields[key switch { "dst" or "destination" => "target", "src" => "source", _ => key }] = equals < 0 ? "true" : part.Substring(equals + 1).Trim();
            }

            mounts.Add(fields);
        }

        return mounts;
    }

    /// <summary>
    /// True when a cache or tmpfs mount of the RUN covers <paramref name="path"/> (the mount's target is the path or a
    /// folder above it): files written there do not stay in the layer.
    /// </summary>
    public static bool HasCacheMount(Instruction instruction, string path)
    {
        foreach (var mount in Mounts(instruction))
        {
            if ((mount["type"] == "cache" || mount["type"] == "tmpfs") && mount.TryGetValue("target", out var target))
            {
                var folder = target.TrimEnd('/');
                if (path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The simple commands a RUN executes (empty for other instructions).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Commands(Instruction instruction) =>
        instruction.Name == "RUN" ? instruction.ShellCommands : Array.Empty<IReadOnlyList<string>>();

    /// <summary>The simple commands of a RUN whose program is <paramref name="program"/> (after sudo/env prefixes).</summary>
    public static IEnumerable<IReadOnlyList<string>> CommandsOf(Instruction instruction, string program)
    {
        if (instruction.Name != "RUN")
        {
            yield break;
        }

        // Many rules ask this of every RUN: strip the prefixes once per instruction.
        var commands = instruction.ProgramCommands;
        if (commands is null)
        {
            commands = new List<(string, IReadOnlyList<string>)>();
            foreach (var command in Commands(instruction))
            {
                var words = WithoutPrefix(command);
                if (words.Count > 0)
                {
                    commands.Add((ProgramName(words[0]), words));
                }
            }

            instruction.ProgramCommands = commands;
        }

        foreach (var (name, words) in commands)
        {
            if (string.Equals(name, program, StringComparison.Ordinal))
            {
                yield return words;
            }
        }
    }

    /// <summary>True when one of the words is exactly <paramref name="word"/> (an option such as <c>--no-restore</c>).</summary>
    public static bool HasWord(IReadOnlyList<string> words, string word)
    {
        foreach (var item in words)
        {
            if (string.Equals(item, word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The file name of a program path (<c>/usr/bin/apt-get</c> → <c>apt-get</c>).</summary>
    public static string ProgramName(string word)
    {
        var slash = word.LastIndexOf('/');
        return slash >= 0 ? word.Substring(slash + 1) : word;
    }

    /// <summary>Drops <c>sudo</c>, <c>env</c>, <c>exec</c>, <c>time</c> and <c>VAR=value</c> prefixes.</summary>
    public static IReadOnlyList<string> WithoutPrefix(IReadOnlyList<string> command)
    {
        var start = 0;
        while (start < command.Count)
        {
            var word = command[start];
            if (word == "sudo" || word == "env" || word == "exec" || word == "time" || word == "nohup"
                || (word.IndexOf('=') > 0 && !word.StartsWith("-", StringComparison.Ordinal)))
            {
                start++;
                continue;
            }

            if (start > 0 && command[start - 1] == "sudo" && word.StartsWith("-", StringComparison.Ordinal))
            {
                start++;
                continue;
            }

            break;
        }

        var result = new List<string>(command.Count - start);
        for (var i = start; i < command.Count; i++)
        {
            result.Add(command[i]);
        }

        return result;
    }

    /// <summary>True when a COPY/ADD reads from the build context (no <c>--from</c>).</summary>
    public static bool ReadsContext(Instruction instruction) =>
        (instruction.Name == "COPY" || instruction.Name == "ADD") && !instruction.HasFlag("from");

    /// <summary>The sources of a COPY/ADD (every argument but the destination, heredocs left out), unquoted.</summary>
    public static IReadOnlyList<string> Sources(Instruction instruction)
    {
        var all = new List<string>();
        if (instruction.ExecArguments is not null)
        {
            all.AddRange(instruction.ExecArguments);
        }
        else
        {
            foreach (var token in instruction.Arguments)
            {
                all.Add(token.Unquoted);
            }
        }

        // BuildKit expands the build variables in COPY/ADD paths: the rules see the paths the build copies.
        var sources = new List<string>();
        for (var i = 0; i < all.Count - 1; i++)
        {
            if (!all[i].StartsWith("<<", StringComparison.Ordinal))
            {
                sources.Add(instruction.Expand(all[i]));
            }
        }

        return sources;
    }

    /// <summary>The destination of a COPY/ADD (its last argument), or null.</summary>
    public static string? Destination(Instruction instruction)
    {
        if (instruction.ExecArguments is not null)
        {
            return instruction.ExecArguments.Count > 1 ? instruction.Expand(instruction.ExecArguments[instruction.ExecArguments.Count - 1]) : null;
        }

        return instruction.Arguments.Count > 1 ? instruction.Expand(instruction.Arguments[instruction.Arguments.Count - 1].Unquoted) : null;
    }

    /// <summary>True for http(s), git and ssh sources, which ADD downloads.</summary>
    public static bool IsRemote(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("git@", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("git://", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A context path made comparable: '/' separators, no leading <c>./</c> or <c>/</c>, no trailing '/'.</summary>
    public static string NormalizeContextPath(string path)
    {
        var text = path.Replace('\\', '/');
        while (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text.Substring(2);
        }

        text = text.TrimStart('/').TrimEnd('/');
        return text.Length == 0 ? "." : text;
    }

    /// <summary>Every ENV key and value set in the stage's chain, last one winning.</summary>
    public static Dictionary<string, (string Value, Instruction Instruction)> Environment(DockerfileDocument document, Stage stage)
    {
        var result = new Dictionary<string, (string, Instruction)>(StringComparer.Ordinal);
        foreach (var link in Chain(document, stage))
        {
            foreach (var instruction in link.Instructions)
            {
                if (instruction.Name != "ENV")
                {
                    continue;
                }

                foreach (var (key, value, _) in KeyValues(instruction))
                {
                    result[key] = (value, instruction);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The pairs of an ENV/ARG/LABEL: <c>K=V K2="v 2"</c>, or the legacy <c>ENV K some value</c>; an ARG without
    /// a default gives an empty value.
    /// </summary>
    public static IEnumerable<(string Key, string Value, DockerfileToken Token)> KeyValues(Instruction instruction)
    {
        foreach (var (key, value, _, token) in InstructionPairs.WithTokens(instruction))
        {
            yield return (key, value, token);
        }
    }
}
