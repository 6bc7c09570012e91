using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// ARG and ENV values are recorded in the image's history and config: anyone who can pull the image (or
/// the build cache) reads them. NuGet credentials are the usual .NET case (<c>NUGET_AUTH_TOKEN</c>,
/// <c>VSS_NUGET_EXTERNAL_FEED_ENDPOINTS</c>, feed passwords).
/// </summary>
public sealed class DFG2012_SecretInArgOrEnv : DockerfileRule
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        // Not PWD: shells set it to the working directory.
        "PASSWORD", "PASSWD", "PWORD", "SECRET", "SECRETS", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY", "ACCESSKEY", "PAT", "AUTH",
    };

    // A variable that names where a secret is, not the secret itself.
    private static readonly HashSet<string> ReferenceWords = new(StringComparer.Ordinal) { "FILE", "PATH", "DIR", "URL", "ENDPOINT", "HEADER", "NAME", "ID" };

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
                if (IsSecretName(key))
                {
                    context.Report(token, $"{instruction.Name} {key} looks like a secret: ARG and ENV values are stored in the image history and config, where anyone with the image can read them. Pass it with RUN --mount=type=secret,id=… (docker build --secret) instead.");
                }
            }
        }
    }

    internal static bool IsSecretName(string name)
    {
        var upper = name.ToUpperInvariant();
        if (upper.StartsWith("VSS_NUGET_", StringComparison.Ordinal) || upper.StartsWith("NUGETPACKAGESOURCECREDENTIALS_", StringComparison.Ordinal))
        {
            return true;
        }

        var words = upper.Split(new[] { '_', '-', '.' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        // A cloud access key pair: the id is half of the credential (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] == "ACCESS" && words[i + 1] == "KEY")
            {
                return true;
            }
        }

        if (ReferenceWords.Contains(words[words.Length - 1]))
        {
            return false;
        }

        // A name ending in KEY names a key (SSH_KEY, ENCRYPTION_KEY), except public ones (GPG_KEY is a fingerprint).
        if (words[words.Length - 1] == "KEY" && Array.IndexOf(words, "PUBLIC") < 0 && Array.IndexOf(words, "GPG") < 0 && Array.IndexOf(words, "PGP") < 0)
        {
            return true;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (SecretWords.Contains(words[i]))
            {
                return true;
            }

            if (i + 1 < words.Length && words[i + 1] == "KEY" && (words[i] == "API" || words[i] == "ACCESS" || words[i] == "PRIVATE" || words[i] == "SECRET"))
            {
                return true;
            }
        }

        return false;
    }
}
