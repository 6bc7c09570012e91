using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary><c>dotnet build</c> followed by <c>dotnet publish</c> compiles the app twice; publish builds on its own.</summary>
public sealed class DFG3005_DoubleBuild : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3005";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`dotnet build` then `dotnet publish` without `--no-build` (the app is compiled twice).";

    /// <inheritdoc />
    public override string Fix => "Drop the `dotnet build` step (publish builds), or pass `--no-build` to publish with the same configuration.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Document.Stages)
        {
            DotNetCommand? build = null;
            foreach (var command in DotNetCommand.In(stage))
            {
                if (command.Verb == "build")
                {
                    build = command;
                }
                else if (command.Verb == "publish" && build is not null && !command.Has("--no-build"))
                {
                    context.Report(command.Instruction, $"dotnet publish builds the app again after the dotnet build on line {build.Instruction.Start.Line}. Remove the build step, or pass --no-build to publish.");
                    build = null;
                }
            }
        }
    }
}
