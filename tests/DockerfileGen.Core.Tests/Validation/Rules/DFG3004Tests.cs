using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3004Tests
{
    private const string Id = "DFG3004";

    private static readonly ValidationOptions Options = Lint.WithFacts(new ValidationFacts { RestoreInputs = new[] { "src/App/App.csproj", "src/Lib/Lib.csproj", "Directory.Packages.props", "NuGet.config" } });

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY [\"src/App/App.csproj\", \"src/App/\"]\nRUN dotnet restore src/App/App.csproj\n", 4 },
        // A stage from an image (not FROM an earlier stage) starts with nothing copied.
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . .\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS other\nRUN dotnet restore src/App/App.csproj\n", 4 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY Directory.Packages.props NuGet.config ./\nCOPY src/App/App.csproj src/App/\nCOPY src/Lib/*.csproj src/Lib/\nRUN dotnet restore src/App/App.csproj\n",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore src/App/App.csproj\n",
        // A test stage FROM the build stage starts with what the build stage copied.
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY Directory.Packages.props NuGet.config ./\nCOPY [\"src/App/App.csproj\", \"src/App/\"]\nCOPY [\"src/Lib/Lib.csproj\", \"src/Lib/\"]\nRUN dotnet restore src/App/App.csproj\nCOPY src/ src/\n"
            + "FROM build AS test\nCOPY [\"tests/App.Tests/\", \"tests/App.Tests/\"]\nRUN dotnet restore tests/App.Tests/App.Tests.csproj\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_RestoreBeforeARestoreInputIsCopied(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line, Options);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_AllInputsCopied(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile, Options);

    [Theory]
    [MemberData(nameof(Caught))]
    public void DoesNotCatch_WithoutTheFactsItNeeds(string dockerfile, int line)
    {
        Assert.True(line > 0);
        Lint.DoesNotCatch(Id, dockerfile);
    }
}
