using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1006Tests
{
    private const string Id = "DFG1006";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nWORKDIR app\n", 2 },
        { "FROM alpine:3.20\nWORKDIR ./src\n", 2 },
        { "FROM alpine:3.20\nARG DIR=app\nWORKDIR $DIR\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nWORKDIR /app\nWORKDIR $HOME/app\nWORKDIR ${APP_DIR}\n",
        "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\\\app\n",
        "FROM alpine:3.20\nARG DIR=/app\nWORKDIR $DIR\nARG OTHER\nWORKDIR $OTHER\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_RelativeWorkdir(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_AbsoluteOrVariableWorkdir(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
