using System;
using System.Collections.Generic;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation;

/// <summary>The package-manager calls of a RUN and the packages each names, for the rules about installs.</summary>
internal static class PackageCommands
{
    // Options of these programs that take the next word as their value (so that word is not a package).
    private static readonly HashSet<string> OptionsWithValue = new(StringComparer.Ordinal)
    {
        "-t", "--target-release", "-o", "--option", "-c", "--config-file", "--virtual", "-X", "--repository", "--root", "-p",
        "-r", "--requirement", "-e", "--editable", "--constraint", "-i", "--index-url", "--extra-index-url", "-f", "--find-links",
        "--target", "--prefix", "--registry", "--prefix", "--cache", "--platform", "--python-version", "--only-binary", "--no-binary",
    };

    /// <summary>
    /// The install calls of a RUN: <c>apt-get/apt/aptitude install</c>, <c>apk add</c>, <c>pip install</c> (also
    /// <c>pip3</c>, <c>python -m pip</c>), <c>npm install/i/add</c>; each with the manager's name, all its words and
    /// the words that name packages.
    /// </summary>
    public static IEnumerable<(string Manager, IReadOnlyList<string> Words, IReadOnlyList<string> Packages)> Installs(Instruction instruction)
    {
        if (instruction.Name != "RUN")
        {
            yield break;
        }

        foreach (var raw in instruction.ShellCommands)
        {
            var words = DockerfileQueries.WithoutPrefix(raw);
            if (words.Count < 2)
            {
                continue;
            }

            var program = DockerfileQueries.ProgramName(words[0]);
            var start = 1;
            if (program.StartsWith("python", StringComparison.Ordinal) && words.Count > 3 && words[1] == "-m" && words[2].StartsWith("pip", StringComparison.Ordinal))
            {
                program = "pip";
                start = 3;
            }

            string? manager = program switch
            {
                "apt-get" or "apt" or "aptitude" => "apt",
                "apk" => "apk",
                "npm" => "npm",
                _ when IsPip(program) => "pip",
                _ => null,
            };
            if (manager is null)
            {
                continue;
            }

            var verbs = manager switch
            {
                "apk" => new[] { "add" },
                "npm" => new[] { "install", "i", "add" },
                _ => new[] { "install" },
            };

            var verb = -1;
            for (var i = start; i < words.Count; i++)
            {
                if (Array.IndexOf(verbs, words[i]) >= 0)
                {
                    verb = i;
                    break;
                }

                if (!words[i].StartsWith("-", StringComparison.Ordinal))
                {
                    break;
                }
            }

            if (verb < 0)
            {
                continue;
            }

            var packages = new List<string>();
            for (var i = verb + 1; i < words.Count; i++)
            {
                var word = words[i];
                if (word.StartsWith("-", StringComparison.Ordinal))
                {
                    if (OptionsWithValue.Contains(word))
                    {
                        i++;
                    }

                    continue;
                }

                packages.Add(word);
            }

            yield return (manager, words, packages);
        }
    }

    /// <summary>True for <c>pip</c>, <c>pip3</c>, <c>pip3.12</c>.</summary>
    public static bool IsPip(string program) =>
        program == "pip" || (program.StartsWith("pip", StringComparison.Ordinal) && program.Length > 3 && (char.IsDigit(program[3])));
}
