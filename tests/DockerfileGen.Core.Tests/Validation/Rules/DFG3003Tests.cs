using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3003Tests
{
    private const string Id = "DFG3003";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore App.csproj\nRUN dotnet publish App.csproj -r linux-x64 --no-restore -o /app\n", 3 },
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore -a $TARGETARCH\nRUN dotnet publish -a amd64 --no-restore\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nARG TARGETARCH\nRUN dotnet restore App.csproj -a $TARGETARCH\nRUN dotnet publish App.csproj -c Release -a $TARGETARCH --no-restore -o /app\n",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\nRUN dotnet publish -r linux-musl-x64 -o /app\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_DifferentRidArguments(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_SameRidArgumentsOrImplicitRestore(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
