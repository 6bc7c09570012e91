using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2034Tests
{
    private const string Id = "DFG2034";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nUSER app\n", 2 },
        { "FROM alpine:3.20\nUSER nobody:nogroup\n", 2 },
        { "FROM alpine:3.20\nARG RUN_AS=app\nUSER ${RUN_AS}\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\n",
        "FROM alpine:3.20\nUSER 1000:app\n",
        "FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER 65534\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022\nUSER ContainerUser\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_NamedFinalUser(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_NumericOrUnknownUser(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
