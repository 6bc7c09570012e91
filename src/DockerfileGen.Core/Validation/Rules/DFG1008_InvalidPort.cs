using System;
using System.Globalization;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>EXPOSE takes <c>port[/tcp|udp|sctp]</c> or a range, ports 0–65535; anything else fails the build.</summary>
public sealed class DFG1008_InvalidPort : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1008";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "EXPOSE with a port outside 0–65535, a bad range, or a protocol other than tcp/udp/sctp.";

    /// <inheritdoc />
    public override string Fix => "Write `EXPOSE 8080` or `EXPOSE 8080/udp`.";

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
                var value = instruction.Expand(token.Unquoted);
                if (!ShellWords.HasVariable(value) && !IsValid(value))
                {
                    context.Report(token, $"'{value}' is not a valid port: use a number from 0 to 65535 (or a range such as 8000-8010), optionally followed by /tcp, /udp or /sctp.");
                }
            }
        }
    }

    internal static bool IsValid(string value)
    {
        var slash = value.IndexOf('/');
        var ports = slash < 0 ? value : value.Substring(0, slash);
        if (slash >= 0)
        {
            var protocol = value.Substring(slash + 1).ToLowerInvariant();
            if (protocol != "tcp" && protocol != "udp" && protocol != "sctp")
            {
                return false;
            }
        }

        var dash = ports.IndexOf('-');
        if (dash < 0)
        {
            return TryPort(ports, out _);
        }

        return TryPort(ports.Substring(0, dash), out var low) && TryPort(ports.Substring(dash + 1), out var high) && low <= high;
    }

    internal static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535 && text.Length <= 5;
}
