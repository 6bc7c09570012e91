using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2030Tests
{
    private const string Id = "DFG2030";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM debian:12\nRUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*\n", 2 },
        { "FROM debian:12\nONBUILD RUN apt-get install --no-install-recommends git\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM debian:12\nRUN apt-get install -y curl\nRUN apt-get -qq install curl\nRUN apt-get install --yes curl\nRUN apt-get install -qy curl\nRUN apt-get install --assume-yes curl\nRUN apt-get -q=2 install curl\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_InstallWithoutYes(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_YesOrQuiet(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
