using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2006Tests
{
    private const string Id = "DFG2006";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nCOPY big.tar /tmp/big.tar\nRUN tar -xf /tmp/big.tar -C /opt\nRUN rm /tmp/big.tar\n", 4 },
        { "FROM alpine:3.20\nRUN wget -O /tmp/x.tgz https://example.com/x.tgz\nRUN rm -f /tmp/x.tgz\n", 3 },
        { "FROM alpine:3.20\nWORKDIR /src\nCOPY . .\nRUN rm -rf obj\n", 4 },
        { "FROM alpine:3.20\nCOPY pkgs/ /tmp/pkgs/\nRUN rm -rf /tmp/pkgs/*.deb\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nRUN wget -O /tmp/x.tgz https://example.com/x.tgz && tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz\n",
        "FROM alpine:3.20\nCOPY app /app\nRUN rm -rf /var/cache/apk/*\n",
        "FROM alpine:3.20 AS a\nCOPY big.tar /tmp/big.tar\nFROM alpine:3.20\nRUN rm -f /tmp/big.tar\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_RemovalInALaterLayer(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_RemovalInTheSameLayerOrOtherPaths(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
