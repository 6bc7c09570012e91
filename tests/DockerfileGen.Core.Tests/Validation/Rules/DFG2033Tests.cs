using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2033Tests
{
    private const string Id = "DFG2033";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nCOPY app.json config/\n", 2 },
        { "FROM alpine:3.20\nCOPY . .\nWORKDIR /app\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nWORKDIR /app\nCOPY . .\n",
        "FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nCOPY app.json config/\n",
        "FROM alpine:3.20\nCOPY app.json /etc/app/\nARG D\nCOPY a $D\n",
        "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app C:\\\\app\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_RelativeDestinationBeforeWorkdir(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_WorkdirSetOrAbsoluteDestination(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
