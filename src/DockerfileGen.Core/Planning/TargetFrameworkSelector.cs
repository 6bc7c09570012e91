using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;
using DockerfileGen.Images;

namespace DockerfileGen.Planning;

/// <summary>Chooses the one framework a multi-targeted project is containerized from.</summary>
public static class TargetFrameworkSelector
{
    /// <summary>
    /// Returns <paramref name="requested"/> when set (it must be one of the project's frameworks), otherwise
    /// the newest .NET framework without an OS suffix. On failure <paramref name="error"/> says why.
    /// </summary>
    public static string? Select(string targetFrameworks, string? requested, out Diagnostic? error)
    {
        error = null;
        var frameworks = Split(targetFrameworks);
        if (!string.IsNullOrWhiteSpace(requested))
        {
            foreach (var framework in frameworks)
            {
                if (string.Equals(framework, requested!.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return framework;
                }
            }

            error = DiagnosticCatalog.TargetFrameworkNotTargeted(requested!.Trim(), targetFrameworks);
            return null;
        }

        string? best = null;
        var bestVersion = default(DotNetVersion);
        foreach (var framework in frameworks)
        {
            if (DotNetVersion.TryFromMoniker(framework, out var version) && version >= DotNetVersion.Minimum
                && (best is null || version > bestVersion))
            {
                best = framework;
                bestVersion = version;
            }
        }

        if (best is null)
        {
            error = DiagnosticCatalog.NoContainerFramework(targetFrameworks);
        }

        return best;
    }

    private static List<string> Split(string targetFrameworks)
    {
        var result = new List<string>();
        foreach (var part in targetFrameworks.Split(';'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                result.Add(trimmed);
            }
        }

        return result;
    }
}
