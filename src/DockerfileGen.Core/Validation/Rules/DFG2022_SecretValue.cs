using System;
using System.Text.RegularExpressions;
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
    private static readonly (string What, Regex Pattern)[] Patterns =
    {
        ("a connection string's password (Password=, Pwd=)", new(@"(?:^|;)\s*(?:password|pwd)\s*=\s*(?!\$|;|\s*$)[^;]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        ("a connection string's key (AccountKey=, SharedAccessKey=)", new(@"(?:^|;)\s*(?:accountkey|sharedaccesskey)\s*=\s*(?!\$|;|\s*$)[^;]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        ("a password in a URL (user:password@host)", new(@"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:(?!\$)[^@/\s]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        ("a token in a URL (?access_token=, ?sig=, ?api_key=)", new(@"[?&](?:access_token|token|api_key|apikey|api-key|sig|client_secret|password|secret)=(?!\$)[^&\s]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        ("a private key", new(@"-----BEGIN [A-Z ]*PRIVATE KEY-----", RegexOptions.CultureInvariant)),
        ("a GitHub token", new(@"\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})", RegexOptions.CultureInvariant)),
        ("an AWS access key", new(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b", RegexOptions.CultureInvariant)),
        ("a Slack token", new(@"\bxox[abpr]-[A-Za-z0-9-]{10,}", RegexOptions.CultureInvariant)),
        ("a JSON web token", new(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+", RegexOptions.CultureInvariant)),
    };

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
                var what = instruction.Name != "LABEL" && DFG2012_SecretInArgOrEnv.IsSecretName(key) ? null : SecretIn(value);
                if (what is not null)
                {
                    context.Report(token, $"{instruction.Name} {key} has {what} in its value: {instruction.Name} values are stored in the image's config and history, where anyone with the image can read them. Pass it when the container starts (docker run -e, a secret store, a mounted file), or to the build with RUN --mount=type=secret.");
                }
            }
        }
    }

    /// <summary>What kind of secret <paramref name="value"/> holds, for a message (never the secret itself); null for none.</summary>
    internal static string? SecretIn(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        foreach (var (what, pattern) in Patterns)
        {
            if (pattern.IsMatch(value))
            {
                return what;
            }
        }

        return null;
    }
}
