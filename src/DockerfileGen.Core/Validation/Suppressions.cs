using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation;

/// <summary>
/// Inline suppression comments, in hadolint's style: <c># dockerfilegen ignore=DFG2001,DFG2004</c> on the
/// line(s) above an instruction silences those rules for that instruction;
/// <c># dockerfilegen global ignore=DFG2001</c> anywhere silences them for the whole file. hadolint's own comments
/// (<c># hadolint ignore=DL3008</c>, <c># hadolint global ignore=DL3059</c>) silence the rules that match those ids, so a
/// file moving from hadolint keeps its decisions.
/// </summary>
internal sealed class Suppressions
{
    private static readonly Regex Pattern = new(
        @"^(?:dockerfilegen|hadolint)\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*)\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly HashSet<string> global = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(int FirstLine, int LastLine, HashSet<string> Ids)> ranges = new();

    public Suppressions(DockerfileDocument document)
    {
        var instructions = document.Instructions;
        var next = 0;
        foreach (var comment in document.Comments)
        {
            // Most comments are prose: look at the ones that can be a suppression only.
            if (comment.Text.IndexOf("ignore", StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            var match = Pattern.Match(comment.Text);
            if (!match.Success)
            {
                continue;
            }

            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in match.Groups[2].Value.Split(','))
            {
                ids.Add(HadolintRules.Equivalents.TryGetValue(id.Trim(), out var equivalent) ? equivalent : id.Trim());
            }

            if (match.Groups[1].Success)
            {
                global.UnionWith(ids);
                continue;
            }

            while (next < instructions.Count && instructions[next].Start.Line < comment.Line)
            {
                next++;
            }

            if (next < instructions.Count)
            {
                ranges.Add((instructions[next].Start.Line, instructions[next].End.Line, ids));
            }
        }
    }

    public bool IsSuppressed(Finding finding)
    {
        if (global.Contains(finding.RuleId))
        {
            return true;
        }

        foreach (var (first, last, ids) in ranges)
        {
            if (finding.Line >= first && finding.Line <= last && ids.Contains(finding.RuleId))
            {
                return true;
            }
        }

        return false;
    }
}
