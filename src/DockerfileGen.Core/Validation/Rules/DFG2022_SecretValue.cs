using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// A secret in the value of an ENV, ARG or LABEL, whatever its name: a connection string's <c>Password=</c> or
/// <c>Pwd=</c>, a URL's <c>user:password@</c> or <c>?access_token=</c>, a private key, a token with a known shape. Those
/// values are stored in the image's config and history, where anyone who can pull the image reads them. A name that
/// looks like a secret is DFG2012's; this rule reads the value.
/// </summary>
public sealed class DFG2022_SecretValue : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2022";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "A secret in the value of an ENV, ARG or LABEL (a connection string's `Password=`/`Pwd=`, a URL's `user:password@` or `?access_token=`, a private key, a token).";

    /// <inheritdoc />
    public override string Fix => "Pass it when the container starts (`docker run -e`, a secret store, a mounted file), or to the build with `RUN --mount=type=secret`; never as a literal value.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.Instructions)
        {
            if (instruction.Name is not ("ENV" or "ARG" or "LABEL"))
            {
                continue;
            }

            foreach (var (key, value, token) in DockerfileQueries.KeyValues(instruction))
            {
                // A secret-looking name is DFG2012's finding already: one finding for one secret.
                var what = instruction.Name != "LABEL" && Secrets.IsSecretName(key) ? null : Secrets.In(value);
                if (what is not null)
                {
                    context.Report(token, $"{instruction.Name} {key} has {what} in its value: {instruction.Name} values are stored in the image's config and history, where anyone with the image can read them. Pass it when the container starts (docker run -e, a secret store, a mounted file), or to the build with RUN --mount=type=secret.");
                }
            }
        }
    }
}
