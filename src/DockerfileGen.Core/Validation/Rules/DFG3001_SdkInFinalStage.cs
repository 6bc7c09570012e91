using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// The SDK image is several times the size of the runtime images and carries compilers and NuGet: it belongs in
/// a build stage, never in the image that runs.
/// </summary>
public sealed class DFG3001_SdkInFinalStage : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3001";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "The final stage is built on the .NET SDK image.";

    /// <inheritdoc />
    public override string Fix => "Publish in an SDK build stage and start the final stage from `aspnet`, `runtime` or `runtime-deps`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var final = DockerfileQueries.FinalStage(context.Document);
        if (final is null)
        {
            return;
        }

        var image = DockerfileQueries.BaseImageOf(context.Document, final);
        if (image is not null && image.IsDotNetSdk)
        {
            context.Report(final.From, "The final stage is based on the .NET SDK image, which ships the compiler, NuGet and hundreds of MB the app never uses. Publish in a build stage and start the final stage from mcr.microsoft.com/dotnet/aspnet, runtime or runtime-deps.");
        }
    }
}
