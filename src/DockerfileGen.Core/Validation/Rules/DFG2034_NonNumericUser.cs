using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Kubernetes' <c>runAsNonRoot</c> checks the image's user without reading its /etc/passwd: a name such as
/// <c>app</c> cannot be verified and the pod is refused ("container has runAsNonRoot and image has non-numeric user").
/// </summary>
public sealed class DFG2034_NonNumericUser : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2034";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    /// <inheritdoc />
    public override string Title => "The final USER is a name, not a numeric UID, so Kubernetes cannot verify `runAsNonRoot`.";

    /// <inheritdoc />
    public override string Fix => "Use the numeric UID: `USER $APP_UID` (1654 in the .NET images) or `USER 1000`.";

    private static bool IsNumber(string text)
    {
        foreach (var ch in text)
        {
            if (ch < '0' || ch > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var final = DockerfileQueries.FinalStage(document);
        if (final is null || DockerfileQueries.BaseImageOf(document, final) is { IsWindows: true })
        {
            return;
        }

        Instruction? last = null;
        foreach (var stage in DockerfileQueries.Chain(document, final))
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name == "USER")
                {
                    last = instruction;
                }
            }
        }

        if (last is null || last.Arguments.Count == 0 || DFG2003_RootUserInFinalStage.IsRoot(last))
        {
            return;
        }

        var user = last.Expand(last.Arguments[0].Unquoted).Split(':')[0];
        if (!ShellWords.HasVariable(user) && !IsNumber(user))
        {
            context.Report(last, $"USER {user} is a name: Kubernetes cannot check that it is not root (runAsNonRoot) without a numeric UID. Use the UID ({(user == "app" ? "USER $APP_UID, 1654 in the .NET images" : "USER <uid>")}).");
        }
    }
}
