using System;
using System.Collections.Generic;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation;

/// <summary>A <c>dotnet &lt;verb&gt;</c> call in a RUN.</summary>
/// <param name="Instruction">The RUN.</param>
/// <param name="Words">The words, <c>dotnet</c> first.</param>
public sealed record DotNetCommand(Instruction Instruction, IReadOnlyList<string> Words)
{
    /// <summary>The verb (<c>restore</c>, <c>build</c>, <c>publish</c>, …), or empty.</summary>
    public string Verb => Words.Count > 1 ? Words[1] : "";

    /// <summary>True when the option is present (<c>--no-restore</c>).</summary>
    public bool Has(string option)
    {
        foreach (var word in Words)
        {
            if (string.Equals(word, option, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The runtime-identifier arguments, normalized (<c>-r linux-x64</c>, <c>-a $TARGETARCH</c>, <c>--os linux</c>,
    /// <c>-p:RuntimeIdentifier=…</c>), sorted; restore and publish must agree on them (NETSDK1047).
    /// </summary>
    public string RidArguments
    {
        get
        {
            var found = new List<string>();
            for (var i = 2; i < Words.Count; i++)
            {
                var word = Words[i];
                string? name = word switch
                {
                    "-r" or "--runtime" => "runtime",
                    "-a" or "--arch" => "arch",
                    "--os" => "os",
                    _ => null,
                };
                if (name is not null)
                {
                    found.Add(name + "=" + (i + 1 < Words.Count ? Words[++i] : ""));
                    continue;
                }

                foreach (var (prefix, key) in new[] { ("--runtime=", "runtime"), ("--arch=", "arch"), ("--os=", "os"), ("-r:", "runtime") })
                {
                    if (word.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        found.Add(key + "=" + word.Substring(prefix.Length));
                    }
                }

                var property = word.TrimStart('-', '/');
                if (property.StartsWith("p:RuntimeIdentifier=", StringComparison.OrdinalIgnoreCase) || property.StartsWith("property:RuntimeIdentifier=", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add("runtime=" + property.Substring(property.IndexOf('=') + 1));
                }
            }

            found.Sort(StringComparer.Ordinal);
            return string.Join(" ", found);
        }
    }

    /// <summary>Every <c>dotnet</c> call in the stage, in order.</summary>
    public static IReadOnlyList<DotNetCommand> In(Stage stage)
    {
        var result = new List<DotNetCommand>();
        foreach (var instruction in stage.Instructions)
        {
            foreach (var words in DockerfileQueries.CommandsOf(instruction, "dotnet"))
            {
                result.Add(new DotNetCommand(instruction, words));
            }
        }

        return result;
    }

    /// <summary>
    /// Every <c>dotnet publish</c> or <c>dotnet build</c> of the stage that follows a <c>dotnet restore</c>,
    /// with the latest restore before it: the pairs whose arguments have to agree.
    /// </summary>
    public static IEnumerable<(DotNetCommand Restore, DotNetCommand Command)> AfterRestore(Stage stage)
    {
        DotNetCommand? restore = null;
        foreach (var command in In(stage))
        {
            if (command.Verb == "restore")
            {
                restore = command;
            }
            else if (restore is not null && (command.Verb == "publish" || command.Verb == "build"))
            {
                yield return (restore, command);
            }
        }
    }
}
