using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2038Tests
{
    private const string Id = "DFG2038";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM debian:12\nRUN apt-get install -y curl=8.5.0-2 git\n", 2 },
        { "FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM debian:12\nRUN apt-get install -y curl=8.5.0-2 ./local.deb\nRUN apk add --no-cache --virtual .deps gcc=13.2.1-r0 musl-dev~1.2\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_UnpinnedOsPackages(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line, On);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_PinnedPackages(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile, On);

    private static readonly ValidationOptions On = new() { Severities = new Dictionary<string, Diagnostics.DiagnosticSeverity?> { [Id] = Diagnostics.DiagnosticSeverity.Info } };

    [Theory]
    [MemberData(nameof(Caught))]
    public void DoesNotCatch_UnlessTurnedOn(string dockerfile, int line)
    {
        Assert.True(line > 0);
        Lint.DoesNotCatch(Id, dockerfile);
    }
}
