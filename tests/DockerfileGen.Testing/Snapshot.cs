using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace DockerfileGen.Testing;

/// <summary>
/// Snapshot testing with Verify's file naming (<c>Snapshots/{Class}.{Method}[_{params}].verified.{ext}</c>
/// beside the test file), since Verify itself cannot be restored here. A mismatch writes a
/// <c>.received.</c> file and fails with a diff; <c>DOCKERFILEGEN_ACCEPT_SNAPSHOTS=1</c> accepts the new
/// content, except in CI.
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that accepts changed snapshots outside CI.</summary>
    public const string AcceptVariable = "DOCKERFILEGEN_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> with the verified snapshot of the calling test.</summary>
    public static void Match(
        string actual,
        string extension = "txt",
        string? parameters = null,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testMethod = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var name = Path.GetFileNameWithoutExtension(testFile) + "." + testMethod + (parameters is null ? "" : "_" + parameters);
        var verified = Path.Combine(directory, $"{name}.verified.{extension}");
        var received = Path.Combine(directory, $"{name}.received.{extension}");
        var normalized = actual.Replace("\r\n", "\n");

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == normalized)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        Directory.CreateDirectory(directory);
        if (Accepting)
        {
            File.WriteAllText(verified, normalized);
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, normalized);
        throw new XunitException(expected is null
            ? $"No verified snapshot {verified}. Review {received}, then rename it to .verified. or rerun with {AcceptVariable}=1."
            : $"Snapshot {verified} differs (received: {received}):\n{Diff(expected, normalized)}");
    }

    private static bool Accepting =>
        Environment.GetEnvironmentVariable(AcceptVariable) == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A line diff: each differing line of the expected and the received text.</summary>
    public static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var text = new StringBuilder();
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : null;
            var r = i < right.Length ? right[i] : null;
            if (l == r)
            {
                continue;
            }

            if (l is not null)
            {
                text.Append($"-{i + 1,4}: {l}\n");
            }

            if (r is not null)
            {
                text.Append($"+{i + 1,4}: {r}\n");
            }
        }

        return text.ToString();
    }
}
