using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2004Tests
{
    private const string Id = "DFG2004";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nENTRYPOINT dotnet App.dll\n", 2 },
        { "FROM alpine:3.20\nCMD ./app --port 80\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nENTRYPOINT [\"dotnet\", \"App.dll\"]\nCMD [\"--urls\", \"http://+:8080\"]\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ShellFormEntrypointOrCmd(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_ExecForm(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
