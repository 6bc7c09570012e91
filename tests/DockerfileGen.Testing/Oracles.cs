namespace DockerfileGen.Testing;

/// <summary>
/// The third-party npm tools under <c>../shared/oracles</c> (beside the repository): where they are, and why a
/// test that needs them cannot run here.
/// </summary>
public static class Oracles
{
    private static readonly Lazy<(string? NodeModules, string? Reason)> Install = new(Locate);

    /// <summary>The shared oracles folder.</summary>
    public static string Folder => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "oracles"));

    /// <summary>The installed node_modules folder, or null.</summary>
    public static string? NodeModules => Install.Value.NodeModules;

    /// <summary>
    /// Why the oracles are unavailable, or null when they are available. Where they must be there (CI sets
    /// <c>DOCKERFILEGEN_REQUIRE_ORACLES=1</c>), their absence fails the test instead of skipping it.
    /// </summary>
    public static string? UnavailableReason
    {
        get
        {
            var reason = Install.Value.Reason;
            if (reason is not null && Environment.GetEnvironmentVariable("DOCKERFILEGEN_REQUIRE_ORACLES") == "1")
            {
                throw new InvalidOperationException("The oracles are required here but unavailable: " + reason);
            }

            return reason;
        }
    }

    private static (string?, string?) Locate()
    {
        var lint = Path.Combine(Folder, "lint.sh");
        if (!File.Exists(lint))
        {
            return (null, $"{lint} does not exist (the shared oracles are not beside this checkout)");
        }

        try
        {
            var result = ProcessRunner.Run("bash", new[] { lint, "--install-only" }, Folder, TimeSpan.FromMinutes(5));
            var path = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
            return result.ExitCode == 0 && path is not null && Directory.Exists(path)
                ? (path, null)
                : (null, $"lint.sh --install-only failed (exit {result.ExitCode}): {result.Output}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, "bash or node is not available: " + e.Message);
        }
    }

    /// <summary>Runs a node script with the oracles' packages on NODE_PATH, feeding it <paramref name="stdin"/>.</summary>
    public static string RunNode(string script, string stdin)
    {
        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, stdin);
            var result = ProcessRunner.Run("bash", new[] { "-c", $"node \"$0\" < \"$1\"", script, input }, Path.GetDirectoryName(script)!, TimeSpan.FromMinutes(2),
                new Dictionary<string, string> { ["NODE_PATH"] = NodeModules! });
            return result.EnsureSuccess("node " + script).Output;
        }
        finally
        {
            File.Delete(input);
        }
    }
}
