using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>
/// A shell script standing in for docker or podman: it records every call (arguments and DOCKER_BUILDKIT) and
/// runs the shell snippet the test gives for <c>info</c> and for <c>build</c>. Lets the task's process handling be
/// tested without an engine.
/// </summary>
internal sealed class FakeContainerTool : IDisposable
{
    private readonly TempDirectory temp = new("dfg-fake-tool");

    /// <param name="build">What <c>build</c> does.</param>
    /// <param name="info">What <c>info</c> (the engine check) does.</param>
    /// <param name="size">What <c>image inspect</c> prints.</param>
    /// <param name="name">The executable's name.</param>
    /// <param name="buildx">What <c>buildx version</c> does: by default what Docker 20.10's CLI does, which has no buildx.</param>
    /// <param name="clientVersion">What <c>version --format {{.Client.Version}}</c> prints.</param>
    /// <param name="push">What <c>push</c> does (<c>$2</c> is the reference).</param>
    public FakeContainerTool(string build = "echo '#1 [build 1/2] FROM sdk'; echo '#2 DONE 0.1s'", string info = "echo 20.10.24", string size = "echo 230712345", string name = "docker",
        string buildx = "echo \"docker: 'buildx' is not a docker command.\" >&2; exit 1", string clientVersion = "echo 20.10.24", string? directory = null,
        string push = "echo \"The push refers to repository [$2]\"; echo '5f70bf18a086: Pushed'")
    {
        Path = temp.Write((directory is null ? "" : directory + "/") + name, $$"""
            #!/bin/sh
            dir="$(dirname "$0")"
            case "$1" in
              buildx|version) printf '%s\n' "$*" >> "$dir/probes.log" ;;
              *) printf '%s|buildkit=%s\n' "$*" "${DOCKER_BUILDKIT:-}" >> "$dir/calls.log" ;;
            esac
            case "$1" in
              buildx) {{buildx}} ;;
              version) {{clientVersion}} ;;
              info) {{info}} ;;
              build) {{build}} ;;
              image) {{size}} ;;
              push) {{push}} ;;
              *) echo "unexpected command $1" >&2; exit 64 ;;
            esac
            """.Replace("\r\n", "\n") + "\n");
        // The script is POSIX shell: these tests run where the product's images are built, on Linux (and macOS).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Dockerfile = temp.Write("ctx/Dockerfile", "FROM scratch\n");
    }

    /// <summary>The script.</summary>
    public string Path { get; }

    /// <summary>The folder holding the script; files the script writes go here too.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>A Dockerfile in a context folder of its own.</summary>
    public string Dockerfile { get; }

    /// <summary>The calls that ask the CLI what it can do (<c>buildx version</c>, <c>version</c>), one line each.</summary>
    public IReadOnlyList<string> Probes()
    {
        var log = System.IO.Path.Combine(Directory, "probes.log");
        return File.Exists(log) ? File.ReadAllLines(log) : Array.Empty<string>();
    }

    /// <summary>One line per call to the engine: the arguments, then <c>|buildkit=</c> and the variable's value.</summary>
    public IReadOnlyList<string> Calls()
    {
        var log = System.IO.Path.Combine(Directory, "calls.log");
        return File.Exists(log) ? File.ReadAllLines(log) : Array.Empty<string>();
    }

    public void Dispose() => temp.Dispose();
}
