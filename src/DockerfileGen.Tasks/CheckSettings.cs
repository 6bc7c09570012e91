using System.Globalization;
using DockerfileGen.Diagnostics;
using Microsoft.Build.Framework;

namespace DockerfileGen.Tasks;

/// <summary>
/// Says which DockerfileGen property has a value it cannot use: a boolean that is neither true nor false (MSBuild's
/// conditions would quietly read <c>banana</c> as false; a task parameter would fail with MSB4030), or a timeout that is
/// not a whole number of seconds. The targets run it only when their cheap check of the values fails, so a build with
/// good values never loads it.
/// </summary>
public sealed class CheckSettings : DockerfileGenTask
{
    /// <summary>The project, for the location of the errors.</summary>
    public string ProjectFullPath { get; set; } = "";

    /// <summary><c>DockerfileGenEnabled</c> (empty is allowed: automatic).</summary>
    public string Enabled { get; set; } = "";

    /// <summary><c>DockerfileGenGenerate</c>.</summary>
    public string Generate { get; set; } = "";

    /// <summary><c>DockerfileGenOverwrite</c>.</summary>
    public string Overwrite { get; set; } = "";

    /// <summary><c>DockerfileGenReadProjectGraph</c>.</summary>
    public string ReadProjectGraph { get; set; } = "";

    /// <summary><c>DockerfileGenValidate</c>.</summary>
    public string Validate { get; set; } = "";

    /// <summary><c>DockerfileGenBuildImage</c>.</summary>
    public string BuildImage { get; set; } = "";

    /// <summary><c>DockerfileGenInsideImage</c>.</summary>
    public string InsideImage { get; set; } = "";

    /// <summary><c>DockerfileGenBuildImageTimeout</c>.</summary>
    public string BuildImageTimeout { get; set; } = "";

    /// <inheritdoc />
    protected override bool Run()
    {
        foreach (var (property, value) in new[]
                 {
                     ("DockerfileGenEnabled", Enabled), ("DockerfileGenGenerate", Generate), ("DockerfileGenOverwrite", Overwrite),
                     ("DockerfileGenReadProjectGraph", ReadProjectGraph), ("DockerfileGenValidate", Validate),
                     ("DockerfileGenBuildImage", BuildImage), ("DockerfileGenInsideImage", InsideImage),
                 })
        {
            if (value.Length > 0 && !string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "false", System.StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticCatalog.InvalidBoolean(property, value));
            }
        }

        if (!int.TryParse(BuildImageTimeout.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            Report(DiagnosticCatalog.InvalidNumber("DockerfileGenBuildImageTimeout", BuildImageTimeout, "a whole number of seconds, 0 or more (0 waits forever)"));
        }

        return !Log.HasLoggedErrors;
    }

    private void Report(Diagnostic diagnostic) =>
        Log.LogError(null, diagnostic.Code, null, ProjectFullPath, 0, 0, 0, 0, diagnostic.Message);
}
