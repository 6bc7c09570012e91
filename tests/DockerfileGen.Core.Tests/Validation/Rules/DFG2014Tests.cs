using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2014Tests
{
    private const string Id = "DFG2014";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore\nRUN dotnet publish -c Release --no-restore -o /app\n", 3 },
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . ./\nRUN dotnet publish -c Release -o /app\n", 3 },
        { "FROM node:22\nCOPY . .\nRUN npm ci\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY [\"App.csproj\", \"./\"]\nRUN dotnet restore App.csproj\nCOPY . .\nRUN dotnet publish App.csproj -c Release --no-restore -o /app\n",
        "FROM alpine:3.20\nCOPY . .\nRUN make\n",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet publish --no-restore -o /app\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_WholeContextBeforeRestore(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_RestoreLayerFirst(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
