using System.Reflection;

namespace DockerfileGen.Testing;

/// <summary>
/// Keeps the snapshot folders honest: no <c>.received.</c> leftovers, and no <c>.verified.</c> file that no
/// test in the assembly can produce (a renamed or deleted test leaves one behind).
/// </summary>
public static class SnapshotInventory
{
    /// <summary>Problems found under <paramref name="projectDirectory"/>, one line each.</summary>
    public static IReadOnlyList<string> Problems(Assembly testAssembly, string projectDirectory)
    {
        var tests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in testAssembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                tests.Add(type.Name + "." + method.Name);
            }
        }

        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(projectDirectory, "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(projectDirectory, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var name = Path.GetFileName(file);
            if (name.Contains(".received.", StringComparison.Ordinal))
            {
                problems.Add($"leftover received snapshot: {relative}");
                continue;
            }

            var marker = name.IndexOf(".verified.", StringComparison.Ordinal);
            if (marker < 0)
            {
                continue;
            }

            // "{Class}.{Method}[_{params}]": the method is the longest known prefix.
            var stem = name.Substring(0, marker);
            var produced = tests.Contains(stem) || tests.Any(test => stem.StartsWith(test + "_", StringComparison.Ordinal));
            if (!produced)
            {
                problems.Add($"verified snapshot that no test produces: {relative}");
            }
        }

        return problems;
    }
}
