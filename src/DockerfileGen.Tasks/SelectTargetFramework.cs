using DockerfileGen.Planning;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks;

/// <summary>
/// Picks the one framework of a multi-targeted project that the Dockerfile is generated from, so the
/// outer build generates once instead of every inner build racing for the same file.
/// </summary>
public sealed class SelectTargetFramework : DockerfileGenTask
{
    /// <summary>The project's <c>TargetFrameworks</c>.</summary>
    [Required]
    public string TargetFrameworks { get; set; } = "";

    /// <summary><c>DockerfileGenTargetFramework</c>; empty selects the newest .NET framework.</summary>
    public string RequestedTargetFramework { get; set; } = "";

    /// <summary>The project file, for the location of an error.</summary>
    public string ProjectFullPath { get; set; } = "";

    /// <summary>The chosen framework.</summary>
    [Output]
    public string SelectedTargetFramework { get; private set; } = "";

    /// <inheritdoc />
    protected override bool Run()
    {
        var selected = TargetFrameworkSelector.Select(TargetFrameworks, RequestedTargetFramework, out var error);
        if (error is not null)
        {
            Log.LogError(null, error.Code, null, ProjectFullPath, 0, 0, 0, 0, error.Message);
            return false;
        }

        SelectedTargetFramework = selected!;
        return true;
    }
}
