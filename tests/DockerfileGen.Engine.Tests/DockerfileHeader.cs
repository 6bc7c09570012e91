using System.Text;
using System.Text.RegularExpressions;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// The <c>docker build</c> command a generated Dockerfile's header names, read back as a user reads it: the folder
/// to run it from and its arguments. The tests run exactly that, so a wrong header fails them.
/// </summary>
public sealed record DockerfileHeader(string ContextDirectory, IReadOnlyList<string> BuildArguments)
{
    /// <summary>Reads the header of the Dockerfile at <paramref name="dockerfilePath"/>.</summary>
    public static DockerfileHeader Read(string dockerfilePath)
    {
        var header = File.ReadLines(dockerfilePath).TakeWhile(line => line.StartsWith('#')).ToList();
        var from = header.Select(line => Regex.Match(line, @"^# Build from (this folder|(\S+) \(the build context\)) with BuildKit")).FirstOrDefault(m => m.Success)
                   ?? throw new Xunit.Sdk.XunitException("the header names no folder to build from:\n" + string.Join('\n', header));
        var command = header.Select(line => Regex.Match(line, @"^#\s+docker build (.+)$")).FirstOrDefault(m => m.Success)
                      ?? throw new Xunit.Sdk.XunitException("the header names no docker build command:\n" + string.Join('\n', header));
        var directory = Path.GetDirectoryName(Path.GetFullPath(dockerfilePath))!;
        var context = from.Groups[2].Success ? Path.GetFullPath(Path.Combine(directory, from.Groups[2].Value)) : directory;
        return new DockerfileHeader(context, SplitShellWords(command.Groups[1].Value));
    }

    /// <summary>The arguments with the image name after <c>-t</c> replaced.</summary>
    public string[] WithTag(string tag)
    {
        var arguments = BuildArguments.ToArray();
        var index = Array.IndexOf(arguments, "-t");
        Xunit.Assert.True(index >= 0 && index + 1 < arguments.Length, "the header's docker build has no -t: " + string.Join(' ', arguments));
        arguments[index + 1] = tag;
        return arguments;
    }

    // Words as sh splits them, for the quoting the header uses (plain words and single quotes).
    private static List<string> SplitShellWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var ch in text)
        {
            if (ch == '\'')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (ch == ' ' && !quoted)
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(ch);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
