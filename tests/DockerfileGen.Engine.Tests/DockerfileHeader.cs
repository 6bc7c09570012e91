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
        return new DockerfileHeader(context, SplitShellWords(command.Groups[1].Value, context));
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

    // The words sh makes of the command, run in the folder the header names, as a user's shell runs it: quoting, and
    // the command substitutions that compute the version and the commit (git's complaint outside a repository is
    // dropped with the rest of stderr). One word per line, marked so a blank word survives.
    private static List<string> SplitShellWords(string text, string directory)
    {
        var result = DockerfileGen.Testing.ProcessRunner.Run("/bin/sh", new[] { "-c", "exec 2>/dev/null; set -- " + text + "; for word in \"$@\"; do printf '[%s]\\n' \"$word\"; done" }, directory, TimeSpan.FromMinutes(2))
            .EnsureSuccess("sh reading the header's docker build command");
        return result.Output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.StartsWith('[') && line.EndsWith(']')).Select(line => line[1..^1]).ToList();
    }
}
