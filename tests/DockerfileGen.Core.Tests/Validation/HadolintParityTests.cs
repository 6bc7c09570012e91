using System.Text.RegularExpressions;
using DockerfileGen.Testing;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation;

/// <summary>
/// Parity with hadolint on the rules both have: for each hadolint rule a rule page names, cases where hadolint reports
/// and where it stays silent (as its rule sources and documentation define them; hadolint itself cannot be installed
/// here), and the DFG rule must agree. A case where DockerfileGen differs on purpose names the reason, and the DFG
/// rule's page must explain it under "Differences from hadolint".
/// </summary>
public sealed class HadolintParityTests
{
    // Rules that are off by default (hadolint reports their checks by default) run here.
    private static readonly ValidationOptions AllOn = new()
    {
        Severities = DockerfileValidator.Rules.Where(r => !r.EnabledByDefault).ToDictionary(r => r.Id, r => (Diagnostics.DiagnosticSeverity?)r.DefaultSeverity),
        AllowedRegistries = new[] { "docker.io", "*.example.com" },
    };

    public static TheoryData<string, string, string, bool, string> Cases => new()
    {
        { "DL3000", "DFG1006", "FROM alpine:3.20\nWORKDIR app\n", true, "" },
        { "DL3000", "DFG1006", "FROM alpine:3.20\nWORKDIR /app\n", false, "" },
        { "DL3002", "DFG2003", "FROM alpine:3.20\nUSER root\n", true, "" },
        { "DL3002", "DFG2003", "FROM alpine:3.20 AS build\nUSER root\nFROM alpine:3.20\nUSER 1000\n", true, "" },
        { "DL3002", "DFG2003", "FROM alpine:3.20\nUSER root\nRUN true\nUSER 1000\n", false, "" },
        { "DL3002", "DFG2003", "FROM alpine:3.20\nRUN true\n", false, "DFG2003 also reports a final stage that never leaves the image's root default" },
        { "DL3003", "DFG2010", "FROM alpine:3.20\nRUN cd /tmp && make\n", true, "" },
        { "DL3003", "DFG2010", "FROM alpine:3.20\nWORKDIR /tmp\nRUN make\n", false, "" },
        { "DL3004", "DFG2011", "FROM alpine:3.20\nRUN sudo apk add curl\n", true, "" },
        { "DL3004", "DFG2011", "FROM alpine:3.20\nONBUILD RUN sudo apt-get update\n", true, "" },
        { "DL3004", "DFG2011", "FROM alpine:3.20\nRUN apk add sudo-doc\n", false, "" },
        { "DL3006", "DFG2001", "FROM ubuntu\n", true, "" },
        { "DL3006", "DFG2001", "FROM ubuntu:24.04\n", false, "" },
        { "DL3006", "DFG2001", "FROM alpine:3.20 AS a\nFROM a\n", false, "" },
        { "DL3007", "DFG2001", "FROM ubuntu:latest\n", true, "" },
        { "DL3007", "DFG2001", "FROM ubuntu@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n", false, "" },
        { "DL3008", "DFG2038", "FROM debian:12\nRUN apt-get install -y curl\n", true, "" },
        { "DL3008", "DFG2038", "FROM debian:12\nRUN apt-get install -y curl=8.5.0\n", false, "" },
        { "DL3009", "DFG2008", "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", true, "" },
        { "DL3009", "DFG2008", "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", false, "" },
        { "DL3009", "DFG2008", "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n", false, "" },
        { "DL3009", "DFG2008", "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n", false, "" },
        { "DL3009", "DFG2008", "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /usr/bin/gcc /gcc\n", false, "" },
        { "DL3009", "DFG2008", "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y gcc\nFROM base\nRUN true\n", true, "" },
        { "DL3009", "DFG2008", "FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl\n", true, "" },
        { "DL3009", "DFG2008", "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM build AS test\nRUN true\nFROM debian:12\nCOPY --from=build /a /a\n", true, "DFG2008 holds only stages that reach the final image to removing the lists; a stage only a test stage builds on is thrown away" },
        { "DL3011", "DFG1008", "FROM alpine:3.20\nEXPOSE 80000\n", true, "" },
        { "DL3011", "DFG1008", "FROM alpine:3.20\nEXPOSE 8080\n", false, "" },
        { "DL3012", "DFG1007", "FROM alpine:3.20\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\n", true, "" },
        { "DL3012", "DFG1007", "FROM alpine:3.20\nHEALTHCHECK CMD a\n", false, "" },
        { "DL3013", "DFG2039", "FROM python:3.12\nRUN pip install --no-cache-dir flask\n", true, "" },
        { "DL3013", "DFG2039", "FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.0 -r requirements.txt\n", false, "" },
        { "DL3014", "DFG2030", "FROM debian:12\nRUN apt-get install curl\n", true, "" },
        { "DL3014", "DFG2030", "FROM debian:12\nRUN apt-get install -y curl\n", false, "" },
        { "DL3014", "DFG2030", "FROM debian:12\nRUN apt-get -qq install curl\n", false, "" },
        { "DL3015", "DFG2007", "FROM debian:12\nRUN apt-get install -y curl\n", true, "" },
        { "DL3015", "DFG2007", "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n", false, "" },
        { "DL3016", "DFG2039", "FROM node:22\nRUN npm install -g typescript\n", true, "" },
        { "DL3016", "DFG2039", "FROM node:22\nRUN npm install -g typescript@5.6.3\nRUN npm install\n", false, "" },
        { "DL3018", "DFG2038", "FROM alpine:3.20\nRUN apk add --no-cache curl\n", true, "" },
        { "DL3018", "DFG2038", "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n", false, "" },
        { "DL3019", "DFG2009", "FROM alpine:3.20\nRUN apk add curl\n", true, "" },
        { "DL3019", "DFG2009", "FROM alpine:3.20\nRUN apk add --no-cache curl\n", false, "" },
        { "DL3019", "DFG2009", "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n", false, "" },
        { "DL3020", "DFG2005", "FROM alpine:3.20\nADD app.json /app/\n", true, "" },
        { "DL3020", "DFG2005", "FROM alpine:3.20\nADD rootfs.tar.xz /\nADD data.gz /d/\n", false, "" },
        { "DL3020", "DFG2005", "FROM alpine:3.20\nADD tools.zip /opt/\n", false, "Docker does not extract zip files, so ADD of one is a plain copy" },
        { "DL3021", "DFG1012", "FROM alpine:3.20\nCOPY a b /app\n", true, "" },
        { "DL3021", "DFG1012", "FROM alpine:3.20\nCOPY a b /app/\n", false, "" },
        { "DL3022", "DFG1004", "FROM alpine:3.20\nCOPY --from=build /a /a\n", true, "" },
        { "DL3022", "DFG1004", "FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\n", false, "" },
        { "DL3023", "DFG1004", "FROM alpine:3.20 AS build\nCOPY --from=build /a /a\n", true, "" },
        { "DL3024", "DFG1005", "FROM alpine:3.20 AS a\nFROM alpine:3.20 AS a\n", true, "" },
        { "DL3024", "DFG1005", "FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\n", false, "" },
        { "DL3025", "DFG2004", "FROM alpine:3.20\nCMD ./app\n", true, "" },
        { "DL3025", "DFG2004", "FROM alpine:3.20\nCMD [\"./app\"]\n", false, "" },
        { "DL3026", "DFG2002", "FROM ghcr.io/a/b:1\n", true, "" },
        { "DL3026", "DFG2002", "FROM registry.example.com/b:1\n", false, "" },
        { "DL3026", "DFG2002", "FROM scratch\n", false, "" },
        { "DL3027", "DFG2037", "FROM debian:12\nRUN apt install -y curl\n", true, "" },
        { "DL3027", "DFG2037", "FROM debian:12\nRUN apt-get install -y curl\n", false, "" },
        { "DL3029", "DFG2044", "FROM --platform=linux/amd64 alpine:3.20\n", true, "" },
        { "DL3029", "DFG2044", "FROM --platform=$BUILDPLATFORM alpine:3.20\n", true, "$BUILDPLATFORM is how a .NET build stage cross-compiles; only a fixed platform is reported" },
        { "DL3042", "DFG2040", "FROM python:3.12\nRUN pip install flask==3.0.0\n", true, "" },
        { "DL3042", "DFG2040", "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.0\n", false, "" },
        { "DL3042", "DFG2040", "FROM python:3.12\nONBUILD RUN pip install flask==3.0.0\n", true, "" },
        { "DL3043", "DFG1011", "FROM alpine:3.20\nONBUILD FROM busybox:1\n", true, "" },
        { "DL3043", "DFG1011", "FROM alpine:3.20\nONBUILD RUN true\n", false, "" },
        { "DL3044", "DFG1013", "FROM alpine:3.20\nENV A=1 B=$A\n", true, "" },
        { "DL3044", "DFG1013", "FROM alpine:3.20\nENV A=1\nENV B=$A\n", false, "" },
        { "DL3044", "DFG1013", "FROM alpine:3.20\nENV A=1\nENV A=2 B=$A\n", false, "" },
        { "DL3045", "DFG2033", "FROM alpine:3.20\nCOPY a b/\n", true, "" },
        { "DL3045", "DFG2033", "FROM alpine:3.20\nWORKDIR /app\nCOPY a b/\n", false, "" },
        { "DL3045", "DFG2033", "FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nCOPY a b/\n", false, "" },
        { "DL3046", "DFG2035", "FROM debian:12\nRUN useradd -u 123456789 app\n", true, "" },
        { "DL3046", "DFG2035", "FROM debian:12\nRUN useradd -l -u 123456789 app\n", false, "" },
        { "DL3061", "DFG1009", "RUN true\nFROM alpine:3.20\n", true, "" },
        { "DL3061", "DFG1009", "ARG V=1\nFROM alpine:3.20\n", false, "" },
        { "DL4000", "DFG2018", "FROM alpine:3.20\nMAINTAINER me\n", true, "" },
        { "DL4003", "DFG1007", "FROM alpine:3.20\nCMD [\"a\"]\nCMD [\"b\"]\n", true, "" },
        { "DL4004", "DFG1007", "FROM alpine:3.20\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n", true, "" },
        { "DL4003", "DFG1007", "FROM alpine:3.20 AS a\nCMD [\"a\"]\nFROM alpine:3.20\nCMD [\"b\"]\n", false, "" },
        { "DL4005", "DFG2032", "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n", true, "" },
        { "DL4005", "DFG2032", "FROM debian:12\nRUN ln -s /a /b\n", false, "" },
        { "DL4006", "DFG2031", "FROM debian:12\nRUN curl -fsSL x | tar -xz\n", true, "" },
        { "DL4006", "DFG2031", "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL x | tar -xz\n", false, "" },
        { "DL4006", "DFG2031", "FROM mcr.microsoft.com/dotnet/sdk:10.0\nSHELL [\"pwsh\", \"-Command\"]\nRUN a | b\n", false, "" },
        { "DL4006", "DFG2031", "FROM debian:12\nRUN set -o pipefail && curl -fsSL x | tar -xz\n", true, "set -o pipefail at the start of the RUN has the same effect as the SHELL form for that RUN" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RuleAgreesWithHadolintOrTheDifferenceIsDocumented(string hadolint, string rule, string dockerfile, bool hadolintReports, string difference)
    {
        var reports = Lint.Of(rule, dockerfile, AllOn).Count > 0;
        if (difference.Length == 0)
        {
            Assert.True(reports == hadolintReports, $"{rule} {(reports ? "reports" : "does not report")} what hadolint's {hadolint} {(hadolintReports ? "reports" : "leaves alone")}:\n{dockerfile}");
            return;
        }

        Assert.True(reports != hadolintReports, $"{rule} is documented to differ from {hadolint} here ({difference}) but agrees:\n{dockerfile}");
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules", rule + ".md"));
        Assert.Contains("## Differences from hadolint", page, StringComparison.Ordinal);
        Assert.Contains(hadolint, page, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryHadolintRuleARulePageNamesHasParityCases()
    {
        var named = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in DockerfileValidator.Rules)
        {
            var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules", rule.Id + ".md"));
            var related = page.Substring(page.IndexOf("## Related rules elsewhere", StringComparison.Ordinal));
            foreach (Match match in Regex.Matches(related, @"\bDL\d{4}\b"))
            {
                named.Add(match.Value);
            }
        }

        var covered = Cases.Select(c => (string)c[0]).ToHashSet();
        var missing = named.Where(id => !covered.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "no parity cases for " + string.Join(", ", missing));
        Assert.True(named.Count >= 35, $"{named.Count} hadolint rules named");
    }
}

/// <summary>The hadolint → DockerfileGen id map: the rule pages agree with it, the parity cases use it, and hadolint's comments use it.</summary>
public sealed class HadolintRulesTests
{
    [Fact]
    public void EachEquivalentIsNamedOnItsRulePageAndInTheMigrationPage()
    {
        var migration = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules", "hadolint.md"));
        foreach (var (hadolint, rule) in HadolintRules.Equivalents)
        {
            var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules", rule + ".md"));
            Assert.Contains(hadolint, page.Substring(page.IndexOf("## Related rules elsewhere", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Matches($@"(?m)^\| {hadolint} \| \[{rule}\]\({rule}\.md\) \|", migration);
        }
    }

    [Fact]
    public void ParityCasesUseTheMappedRule()
    {
        foreach (var row in HadolintParityTests.Cases)
        {
            Assert.Equal(HadolintRules.Equivalents[(string)row[0]], (string)row[1]);
        }
    }

    [Fact]
    public void HadolintIgnoreCommentsSilenceTheMatchingRules()
    {
        const string Dockerfile = "FROM ubuntu:24.04\n# hadolint ignore=DL3025,DL3003\nCMD cd /app && ./run\nRUN cd /tmp\nUSER 1000\n";

        var findings = Lint.Findings(Dockerfile);

        Assert.DoesNotContain(findings, f => f.Line == 3 && f.RuleId == "DFG2004");
        Assert.Contains(findings, f => f.Line == 4 && f.RuleId == "DFG2010");
        Assert.DoesNotContain(Lint.Findings("# hadolint global ignore=DL3006\nFROM ubuntu\nUSER 1000\n"), f => f.RuleId == "DFG2001");
    }
}
