using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using System;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// A fixed platform makes every build of that stage use it, whatever <c>docker build --platform</c> asks for: an arm64
/// build gets an amd64 image (run under emulation, or not at all). Build stages that cross-compile take
/// <c>$BUILDPLATFORM</c>; the final stage takes the target platform by default.
/// </summary>
public sealed class DFG2044_ConstantFromPlatform : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2044";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`FROM --platform=` with a fixed platform (`linux/amd64`), so the image cannot be built for another one.";

    /// <inheritdoc />
    public override string Fix => "Use `--platform=$BUILDPLATFORM` for build stages (cross-compile), and no flag for the final stage.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Document.Stages)
        {
            var flag = stage.From.Flag("platform");
            if (flag?.Value is not { Length: > 0 } value || ShellWords.HasVariable(value))
            {
                continue;
            }

            // A stage named for its platform (build-amd64) is meant to be built for that one platform.
            var architecture = value.Split('/')[value.Split('/').Length > 1 ? 1 : 0];
            if (stage.Name is { } name && name.IndexOf(architecture, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                continue;
            }

            context.Report(flag, $"--platform={value} fixes the stage's platform, whatever platform the build asks for. Use --platform=$BUILDPLATFORM for a build stage, or leave the flag out.");
        }
    }
}
