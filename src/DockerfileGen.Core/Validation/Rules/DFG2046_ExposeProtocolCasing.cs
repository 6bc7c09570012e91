using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Docker accepts the protocol in any case but stores and compares it in lower case; tools that read the image
/// config (and BuildKit's check) expect <c>tcp</c>, <c>udp</c>, <c>sctp</c>.
/// </summary>
public sealed class DFG2046_ExposeProtocolCasing : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2046";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    /// <inheritdoc />
    public override string Title => "An EXPOSE protocol not in lower case (`8080/TCP`).";

    /// <inheritdoc />
    public override string Fix => "Write the protocol in lower case: `EXPOSE 8080/tcp`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Name != "EXPOSE")
            {
                continue;
            }

            foreach (var token in instruction.Arguments)
            {
                var value = token.Unquoted;
                var slash = value.IndexOf('/');
                if (slash >= 0 && value.Substring(slash + 1) != value.Substring(slash + 1).ToLowerInvariant())
                {
                    context.Report(token, $"Write the protocol of '{value}' in lower case: {value.Substring(0, slash)}/{value.Substring(slash + 1).ToLowerInvariant()}.");
                }
            }
        }
    }
}
