using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1010Tests
{
    private const string Id = "DFG1010";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nCMD ['./app']\n", 2 },
        { "FROM alpine:3.20\nENTRYPOINT ['dotnet', 'App.dll']\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nCMD [\"./app\"]\nRUN echo '[x]'\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ExecFormInSingleQuotes(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_JsonArraysAndShellStrings(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
