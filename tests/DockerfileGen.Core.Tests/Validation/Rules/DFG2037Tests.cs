using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2037Tests
{
    private const string Id = "DFG2037";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM debian:12\nRUN apt update && apt-get install -y curl\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM debian:12\nRUN apt-get update && apt-cache policy curl\nRUN echo apt\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_Apt(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_AptGet(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
