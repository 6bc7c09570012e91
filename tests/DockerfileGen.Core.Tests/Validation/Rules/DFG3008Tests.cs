using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3008Tests
{
    private const string Id = "DFG3008";

    private static readonly ValidationOptions Options = Lint.WithFacts(new ValidationFacts { NeedsGlobalization = true });

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\n", 1 },
        { "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\n", 1 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\nRUN apk add --no-cache icu-data-full icu-libs\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ImageWithoutIcu(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line, Options);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_ExtraVariantOrIcuInstalled(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile, Options);

    [Theory]
    [MemberData(nameof(Caught))]
    public void DoesNotCatch_WithoutTheFactsItNeeds(string dockerfile, int line)
    {
        Assert.True(line > 0);
        Lint.DoesNotCatch(Id, dockerfile);
    }
}
