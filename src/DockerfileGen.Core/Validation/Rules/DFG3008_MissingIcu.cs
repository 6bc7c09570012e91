using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Images;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Alpine, chiseled and distroless .NET images run in globalization-invariant mode (no ICU): an app that needs
/// cultures or time zones (or Microsoft.Data.SqlClient) fails or misbehaves there. Needs project facts.
/// </summary>
public sealed class DFG3008_MissingIcu : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3008";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "An Alpine/chiseled/distroless image without ICU for a project that needs globalization.";

    /// <inheritdoc />
    public override string Fix => "Use the `-extra` image variant, or on Alpine `apk add --no-cache icu-libs icu-data-full` with `DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false`; or set `InvariantGlobalization=true` if the app does not need cultures.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Options.Facts?.NeedsGlobalization != true)
        {
            return;
        }

        var document = context.Document;
        var final = DockerfileQueries.FinalStage(document);
        var image = final is null ? null : DockerfileQueries.BaseImageOf(document, final);
        if (final is null || image is null || !image.IsDotNetRuntime || image.Flavor is not { HasIcu: false } flavor)
        {
            return;
        }

        var alpine = flavor.Os == OsFamily.Alpine;

        var environment = DockerfileQueries.Environment(document, final);
        var enabled = environment.TryGetValue("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", out var value)
            && (string.Equals(value.Value, "false", StringComparison.OrdinalIgnoreCase) || value.Value == "0");
        var installsIcu = false;
        foreach (var stage in DockerfileQueries.Chain(document, final))
        {
            foreach (var instruction in stage.Instructions)
            {
                installsIcu |= instruction.Name == "RUN" && instruction.CommandText.IndexOf("icu-libs", StringComparison.Ordinal) >= 0;
            }
        }

        if (alpine && enabled && installsIcu)
        {
            return;
        }

        context.Report(final.From, $"The project needs globalization (ICU), but {image.Name.Repository}:{image.Name.Tag} has no ICU and runs in invariant mode. Use the -extra variant of the image{(alpine ? ", or install icu-libs and icu-data-full with DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false" : "")}; or set InvariantGlobalization=true in the project if it does not need cultures.");
    }
}
