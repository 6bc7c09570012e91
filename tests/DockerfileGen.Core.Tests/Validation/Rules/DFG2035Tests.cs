using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2035Tests
{
    private const string Id = "DFG2035";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM debian:12\nRUN useradd -u 1000000 app\n", 2 },
        { "FROM debian:12\nRUN useradd --uid=2000000 -m app\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM debian:12\nRUN useradd -l -u 1000000 app\nRUN useradd --no-log-init -u 1000000 b\nRUN useradd -u 1654 c\nRUN useradd -u $UID d\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_HighUidWithoutNoLogInit(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_NoLogInitOrLowUid(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
