using System.Text.Json;
using DockerfileGen.Parsing;
using DockerfileGen.Testing;

namespace DockerfileGen.Core.Tests.Oracles;

/// <summary>
/// Fidelity: on every fixture the parser extracts the same instructions (keyword, first and last line, stage, shell
/// or exec form, flags, heredocs) and the same stages (name, image as written and with ARG defaults expanded,
/// platform) as the <c>dockerfile-ast</c> npm parser that the VS Code Docker extension uses.
/// </summary>
[Trait("Category", "oracle")]
[Collection(OracleCollection.Name)]
public sealed class ParserFidelityTests
{
    /// <summary>
    /// Where dockerfile-ast and Docker disagree, we follow Docker: (fixture, dockerfile-ast's line) → (ours, why).
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Fixture, string Oracle), (string Ours, string Reason)> KnownDifferences =
        new Dictionary<(string, string), (string, string)>
        {
            [("62-exec-form-invalid-json", "3-3 ENTRYPOINT stage=0 form=exec flags=[] heredocs=[]")] =
                ("3-3 ENTRYPOINT stage=0 form=shell flags=[] heredocs=[]", "dockerfile-ast calls anything starting with '[' exec form; Docker runs text that is not a JSON array (here a trailing comma) through the shell"),
            [("63-arg-default-in-from", "null from=${BASE}:${TAG:-3.20} expanded=alpine:${TAG:-3.20} platform=null")] =
                ("null from=${BASE}:${TAG:-3.20} expanded=alpine:3.20 platform=null", "dockerfile-ast leaves ${TAG:-3.20} alone when TAG has no default; Docker substitutes the fallback for an unset ARG"),
        };

    private readonly OracleResults oracles;

    public ParserFidelityTests(OracleResults oracles) => this.oracles = oracles;

    [Fact]
    public void ThereAreAtLeastFiftyFixtures() => Assert.True(Fixtures.Names.Count >= 50, $"{Fixtures.Names.Count} fixtures");

    [SkippableTheory]
    [MemberData(nameof(Fixtures.All), MemberType = typeof(Fixtures))]
    public void ParserAgreesWithDockerfileAst(string fixture)
    {
        OracleResults.SkipIfUnavailable();
        var parse = oracles.For(fixture).GetProperty("parse");
        var document = DockerfileParser.Parse(Fixtures.Text(fixture));

        string Expected(string oracle) => KnownDifferences.TryGetValue((fixture, oracle), out var known) ? known.Ours : oracle;

        Assert.Equal(Describe(parse.GetProperty("instructions").EnumerateArray().Select(Oracle).Select(Expected)), Describe(document.Instructions.Select(i => Ours(i, parse))));
        Assert.Equal(
            Describe(parse.GetProperty("stages").EnumerateArray().Select(s => Expected($"{Text(s, "name")} from={Text(s, "from")} expanded={Text(s, "from_expanded")} platform={Text(s, "platform")}"))),
            Describe(document.Stages.Select(s => $"{s.Name ?? "null"} from={s.BaseImage} expanded={s.ExpandedBaseImage} platform={s.Platform ?? "null"}")));
    }

    [SkippableFact]
    public void EveryKnownDifferenceIsStillADifference()
    {
        OracleResults.SkipIfUnavailable();
        foreach (var ((fixture, oracle), _) in KnownDifferences)
        {
            var parse = oracles.For(fixture).GetProperty("parse");
            var lines = parse.GetProperty("instructions").EnumerateArray().Select(Oracle)
                .Concat(parse.GetProperty("stages").EnumerateArray().Select(s => $"{Text(s, "name")} from={Text(s, "from")} expanded={Text(s, "from_expanded")} platform={Text(s, "platform")}"));
            Assert.Contains(oracle, lines);
        }
    }

    private static string Oracle(JsonElement instruction)
    {
        var flags = instruction.TryGetProperty("flags", out var f) ? string.Join(",", f.EnumerateArray().Select(x => $"{Text(x, "name")}={Text(x, "value")}")) : "";
        var heredocs = instruction.TryGetProperty("heredocs", out var h) ? string.Join(",", h.EnumerateArray().Select(x => x.GetString())) : "";
        var form = instruction.TryGetProperty("form", out var fo) ? fo.GetString() : "-";
        return $"{instruction.GetProperty("line")}-{instruction.GetProperty("end_line")} {instruction.GetProperty("keyword").GetString()} stage={Text(instruction, "stage")} form={form} flags=[{flags}] heredocs=[{heredocs}]";
    }

    private static string Ours(Instruction instruction, JsonElement parse)
    {
        var flags = string.Join(",", instruction.Flags.Select(x => $"{x.Name}={x.Value ?? "null"}"));
        var heredocs = string.Join(",", instruction.Heredocs.Select(x => x.Delimiter));

        // dockerfile-ast reports a form only for RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD and VOLUME, as we do.
        var form = instruction.Form == InstructionForm.None ? "-" : instruction.Form.ToString().ToLowerInvariant();
        var stage = instruction.StageIndex < 0 ? "null" : instruction.StageIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{instruction.Start.Line}-{instruction.End.Line} {instruction.Name} stage={stage} form={form} flags=[{flags}] heredocs=[{heredocs}]";
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "null";

    private static string Describe(IEnumerable<string> lines) => string.Join("\n", lines);
}
