using System;
using System.Text.RegularExpressions;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>A download over plain http:// can be tampered with on the way; what it fetches runs in the image.</summary>
public sealed class DFG2019_PlainHttpDownload : DockerfileRule
{
    // APT sources ("deb http://…") are signed and verified by apt, so plain http is fine there.
    private static readonly Regex HttpUrl = new(@"(?<![A-Za-z0-9])(?<!deb )(?<!deb-src )http://(?!localhost|127\.0\.0\.1)[^\s""']+", RegexOptions.CultureInvariant);

    /// <inheritdoc />
    public override string Id => "DFG2019";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "ADD or RUN downloads over plain `http://`.";

    /// <inheritdoc />
    public override string Fix => "Use `https://` (and verify a checksum).";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Name != "ADD" && instruction.Name != "RUN")
            {
                continue;
            }

            if (instruction.CommandText.IndexOf("http://", StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            var match = HttpUrl.Match(instruction.CommandText);
            if (match.Success)
            {
                context.Report(instruction, $"{instruction.Name} fetches '{match.Value}' over plain http, which anyone on the path can tamper with. Use https (and check a checksum).");
            }
        }
    }
}
