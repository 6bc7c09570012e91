using System;
using System.Collections.Generic;

namespace DockerfileGen.Validation;

/// <summary>
/// hadolint's rule ids and the rule that checks the same thing here, so a team moving from hadolint keeps its
/// <c># hadolint ignore=DL3008</c> comments working. Each rule page names the hadolint rules it matches.
/// </summary>
public static class HadolintRules
{
    /// <summary>hadolint rule id → DockerfileGen rule id.</summary>
    public static IReadOnlyDictionary<string, string> Equivalents { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["DL3000"] = "DFG1006",
        ["DL3002"] = "DFG2003",
        ["DL3003"] = "DFG2010",
        ["DL3004"] = "DFG2011",
        ["DL3006"] = "DFG2001",
        ["DL3007"] = "DFG2001",
        ["DL3008"] = "DFG2038",
        ["DL3009"] = "DFG2008",
        ["DL3011"] = "DFG1008",
        ["DL3012"] = "DFG1007",
        ["DL3013"] = "DFG2039",
        ["DL3014"] = "DFG2030",
        ["DL3015"] = "DFG2007",
        ["DL3016"] = "DFG2039",
        ["DL3018"] = "DFG2038",
        ["DL3019"] = "DFG2009",
        ["DL3020"] = "DFG2005",
        ["DL3021"] = "DFG1012",
        ["DL3022"] = "DFG1004",
        ["DL3023"] = "DFG1004",
        ["DL3024"] = "DFG1005",
        ["DL3025"] = "DFG2004",
        ["DL3026"] = "DFG2002",
        ["DL3027"] = "DFG2037",
        ["DL3029"] = "DFG2044",
        ["DL3042"] = "DFG2040",
        ["DL3043"] = "DFG1011",
        ["DL3044"] = "DFG1013",
        ["DL3045"] = "DFG2033",
        ["DL3046"] = "DFG2035",
        ["DL3061"] = "DFG1009",
        ["DL4000"] = "DFG2018",
        ["DL4003"] = "DFG1007",
        ["DL4004"] = "DFG1007",
        ["DL4005"] = "DFG2032",
        ["DL4006"] = "DFG2031",
    };
}
