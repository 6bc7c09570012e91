using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// A <c>nuget.config</c> with <c>&lt;packageSourceCredentials&gt;</c> copied into a stage puts the feed password
/// into a layer and the build cache. Needs the build context; silent without it.
/// </summary>
public sealed class DFG2013_NuGetConfigWithCredentials : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2013";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "A copied `nuget.config` carries feed credentials.";

    /// <inheritdoc />
    public override string Fix => "Keep credentials out of the copied file and mount it as a secret: `RUN --mount=type=secret,id=nugetconfig,target=/src/nuget.config dotnet restore`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var snapshot = context.Options.Context;
        if (snapshot is null)
        {
            return;
        }

        var ignore = context.IgnoreMatcher;
        foreach (var instruction in context.Document.Instructions)
        {
            if (!DockerfileQueries.ReadsContext(instruction))
            {
                continue;
            }

            foreach (var raw in DockerfileQueries.Sources(instruction))
            {
                if (ShellWords.HasVariable(raw) || DockerfileQueries.IsRemote(raw) || raw.IndexOfAny(new[] { '*', '?', '[' }) >= 0)
                {
                    continue;
                }

                var source = DockerfileQueries.NormalizeContextPath(raw);
                var candidate = IsNuGetConfig(source) ? source : (source == "." ? "nuget.config" : source + "/nuget.config");
                candidate = snapshot.FindFile(candidate) ?? candidate;
                if (ignore is not null && ignore.IsExcluded(candidate))
                {
                    continue;
                }

                var content = snapshot.ReadFile(candidate);
                if (content is not null && HasCredentials(content))
                {
                    context.Report(instruction, $"'{candidate}' holds package source credentials and this {instruction.Name} copies it into a layer, where anyone with the image or the build cache can read them. Leave it out of the copy (or the context) and mount it for restore only: RUN --mount=type=secret,id=nugetconfig,target=… dotnet restore.");
                    break;
                }
            }
        }
    }

    private static bool IsNuGetConfig(string path)
    {
        var slash = path.LastIndexOf('/');
        return string.Equals(slash >= 0 ? path.Substring(slash + 1) : path, "nuget.config", StringComparison.OrdinalIgnoreCase);
    }

    internal static bool HasCredentials(string content) =>
        content.IndexOf("<packageSourceCredentials", StringComparison.OrdinalIgnoreCase) >= 0
        && (content.IndexOf("ClearTextPassword", StringComparison.OrdinalIgnoreCase) >= 0 || content.IndexOf("\"Password\"", StringComparison.OrdinalIgnoreCase) >= 0);
}
