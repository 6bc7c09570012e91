using System.Text.Json;

namespace DockerfileGen.Testing;

/// <summary>
/// The third-party Dockerfile checkers in <c>../shared/oracles</c> (dockerfile-ast, dockerfile-utils, dockerfilelint,
/// dockerfile_lint), run through their <c>lint.sh</c>. They need node; tests skip with the reason when it is missing.
/// </summary>
public static class DockerfileOracles
{
    private static readonly Lazy<string?> Unavailable = new(FindReason);

    /// <summary>The oracles' <c>lint.sh</c>, beside the repository.</summary>
    public static string LintScript => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "oracles", "lint.sh"));

    /// <summary>Why the oracles cannot run here, or null when they can.</summary>
    public static string? UnavailableReason => Unavailable.Value;

    /// <summary>Runs <c>lint.sh DIR --compact</c> and returns its JSON.</summary>
    public static JsonElement Lint(string directory)
    {
        var result = ProcessRunner.Run("bash", new[] { LintScript, directory, "--compact" }, directory, TimeSpan.FromMinutes(5));
        var json = result.Output.Split('\n').LastOrDefault(line => line.StartsWith('{'))
            ?? throw new InvalidOperationException($"lint.sh printed no JSON for {directory} (exit {result.ExitCode}):\n{result.Output}");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static readonly Lazy<string> InstalledNodeModules = new(() =>
    {
        // lint.sh installs the pinned npm packages once (outside this read-only folder) and prints where.
        var result = ProcessRunner.Run("bash", new[] { LintScript, "--install-only" }, RepoPaths.Root, TimeSpan.FromMinutes(5))
            .EnsureSuccess("lint.sh --install-only");
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
    });

    /// <summary>The oracles' installed node_modules folder (installed on first use).</summary>
    public static string NodeModules => InstalledNodeModules.Value;

    /// <summary>Runs a node script of ours with the oracles' packages on NODE_PATH, feeding it <paramref name="stdin"/>.</summary>
    public static string RunNode(string script, string stdin)
    {
        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, stdin);
            return ProcessRunner.Run("bash", new[] { "-c", "node \"$0\" < \"$1\"", script, input }, Path.GetDirectoryName(script)!, TimeSpan.FromMinutes(2),
                    new Dictionary<string, string> { ["NODE_PATH"] = NodeModules })
                .EnsureSuccess("node " + script).Output;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string? FindReason()
    {
        if (!File.Exists(LintScript))
        {
            return $"the oracles are not at {LintScript}";
        }

        try
        {
            var node = ProcessRunner.Run("node", new[] { "--version" }, RepoPaths.Root, TimeSpan.FromSeconds(30));
            return node.ExitCode == 0 ? null : "node --version failed: " + node.Output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not installed (the oracle comparisons need node and npm)";
        }
    }
}
