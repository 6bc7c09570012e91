using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// ARG and ENV values are recorded in the image's history and config: anyone who can pull the image (or
/// the build cache) reads them. NuGet credentials are the usual .NET case (<c>NUGET_AUTH_TOKEN</c>,
/// <c>VSS_NUGET_EXTERNAL_FEED_ENDPOINTS</c>, feed passwords).
/// </summary>
public sealed class DFG2012_SecretInArgOrEnv : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2012";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "A secret-like ARG or ENV (passwords, tokens, keys, `NUGET_AUTH_TOKEN`, `VSS_NUGET_*`, feed credentials).";

    /// <inheritdoc />
    public override string Fix => "Pass it with `RUN --mount=type=secret,id=…` and `docker build --secret`, never as ARG/ENV.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Name != "ARG" && instruction.Name != "ENV")
            {
                continue;
            }

            foreach (var (key, _, token) in DockerfileQueries.KeyValues(instruction))
            {
                if (Secrets.IsSecretName(key))
                {
                    context.Report(token, $"{instruction.Name} {key} looks like a secret: ARG and ENV values are stored in the image history and config, where anyone with the image can read them. Pass it with RUN --mount=type=secret,id=… (docker build --secret) instead.");
                }
            }
        }
    }
}
