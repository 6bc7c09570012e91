using DockerfileGen.Model;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3009Tests
{
    private const string Id = "DFG3009";

    private static readonly ValidationOptions Options = Lint.WithFacts(Lint.Net(10, "App"));

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"dotnet\", \"Other.dll\"]\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"./App.dll\"]\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"./App\"]\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"/usr/bin/tini\", \"--\", \"./App\"]\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_EntrypointThatIsNotThePublishedApp(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line, Options);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_ApphostOrDll(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile, Options);

    [Theory]
    [MemberData(nameof(Caught))]
    public void DoesNotCatch_WithoutTheFactsItNeeds(string dockerfile, int line)
    {
        Assert.True(line > 0);
        Lint.DoesNotCatch(Id, dockerfile);
    }

    [Fact]
    public void Catches_ApphostWhenUseAppHostIsOff() =>
        Lint.Catches(Id, "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"./App\"]\n", 2, Lint.WithFacts(Lint.Net(10, "App", useAppHost: false)));

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void DoesNotCatch_ApphostOfSelfContainedOrSingleFileAppWithUseAppHostOff(bool selfContained, bool singleFile) =>
        Lint.DoesNotCatch(Id, "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nENTRYPOINT [\"./App\"]\n", Lint.WithFacts(Lint.Net(10, "App") with
        {
            Deployment = new DeploymentMode { UseAppHost = false, SelfContained = selfContained, SingleFile = singleFile },
        }));
}
