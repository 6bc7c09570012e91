using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3006Tests
{
    private const string Id = "DFG3006";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o /app\n", 4 },
        // The packages are in the restore's layer: only a cache mount on both steps makes a second restore the safe choice.
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\nCOPY . .\nRUN --mount=type=cache,target=/root/.nuget/packages dotnet publish -c Release -o /app\n", 4 },
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN --mount=type=cache,target=/root/.nuget/packages dotnet restore\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache dotnet publish -c Release -o /app\n", 4 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release --no-restore -o /app\n",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . .\nRUN dotnet publish -c Release -o /app\n",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore\nCOPY . .\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet publish -c Release -o /app\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_PublishRestoringAgain(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_NoRestoreOrNoRestoreLayer(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
