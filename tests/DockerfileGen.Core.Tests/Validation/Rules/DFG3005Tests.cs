using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3005Tests
{
    private const string Id = "DFG3005";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet build -c Release\nRUN dotnet publish -c Release -o /app\n", 3 },
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet build && dotnet publish -o /app\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet build -c Release\nRUN dotnet publish -c Release --no-build -o /app\n",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -c Release -o /app\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_BuildThenPublish(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_PublishOnlyOrNoBuild(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
