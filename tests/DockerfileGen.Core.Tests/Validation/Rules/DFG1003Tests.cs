using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1003Tests
{
    private const string Id = "DFG1003";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --form=b /a /a\n", 3 },
        { "FROM --plattform=linux/amd64 alpine:3.20\n", 1 },
        { "FROM alpine:3.20\nCOPY --chown=1 --chown=2 a b\n", 2 },
        { "FROM alpine:3.20\nWORKDIR --x /a\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM --platform=$BUILDPLATFORM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b --chown=app:app --chmod=755 --link /a /a\nRUN --mount=type=cache,target=/root/.nuget --mount=type=secret,id=x echo\nADD --checksum=sha256:abc https://example.com/a.tgz /a\nHEALTHCHECK --interval=30s --timeout=3s CMD [\"true\"]\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_UnknownOrDuplicateFlag(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_FlagsTheInstructionTakes(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
