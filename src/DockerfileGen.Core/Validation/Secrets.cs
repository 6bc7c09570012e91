using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DockerfileGen.Validation;

/// <summary>
/// What a secret looks like in a Dockerfile: a variable name that names one, or a value that holds one. DFG2012 reads
/// names, DFG2022 values, and generation refuses a setting that would write either, so all three agree.
/// </summary>
public static class Secrets
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        // Not PWD: shells set it to the working directory.
        "PASSWORD", "PASSWD", "PWORD", "SECRET", "SECRETS", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY", "ACCESSKEY", "PAT", "AUTH",
    };

    // A variable that names where a secret is, not the secret itself.
    private static readonly HashSet<string> ReferenceWords = new(StringComparer.Ordinal) { "FILE", "PATH", "DIR", "URL", "ENDPOINT", "HEADER", "NAME", "ID" };

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

    /// <summary>
    /// True for a variable name that names a secret (<c>NUGET_AUTH_TOKEN</c>, <c>DB_PASSWORD</c>, <c>AWS_ACCESS_KEY_ID</c>,
    /// <c>VSS_NUGET_*</c>), not one that names where a secret is (<c>TOKEN_FILE</c>) or a public key.
    /// </summary>
    public static bool IsSecretName(string name)
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

    /// <summary>What kind of secret <paramref name="value"/> holds, for a message (never the secret itself); null for none.</summary>
    public static string? In(string value)
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
