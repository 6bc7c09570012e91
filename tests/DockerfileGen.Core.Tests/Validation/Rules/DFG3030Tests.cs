using DockerfileGen.Diagnostics;
using DockerfileGen.Model;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3030Tests
{
    private const string Id = "DFG3030";

    private const string Build = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY App.csproj .\nRUN dotnet restore\nCOPY . .\n";

    private static readonly ValidationOptions FrameworkDependent = Lint.WithFacts(Lint.Net(10));

    public static TheoryData<string, int> Caught => new()
    {
        // The generator's single COPY and the official samples' shape: restore layer, publish --no-restore, one COPY.
        { Build + "RUN dotnet publish -c Release --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app .\n", 9 },
        // No restore layer: publish restores itself.
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app/ ./\n", 7 },
        // The Visual Studio scaffold: restore in the build stage, publish in a stage built on it, /app/publish/. and --output.
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nWORKDIR /app\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY App.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet build --no-restore -o /app/build\nFROM build AS publish\nRUN dotnet publish --no-build --output /app/publish /p:UseAppHost=false\nFROM base AS final\nCOPY --from=publish /app/publish/. .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n", 12 },
        // A relative -o against the WORKDIR, copied by stage index with /*.
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /App\nCOPY . ./\nRUN dotnet publish -c Release -o out\nFROM mcr.microsoft.com/dotnet/runtime:10.0\nWORKDIR /App\nCOPY --from=0 /App/out/* .\n", 7 },
        // Exec form.
        { Build + "RUN dotnet publish --no-restore -o /home/site/wwwroot\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=build [\"/home/site/wwwroot\", \"/home/site/wwwroot\"]\n", 8 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        // The layered final stage DockerfileGen generates: the app's layer is laid out under /layers/app.
        Build + "RUN dotnet publish -p:DockerfileGenInsideImage=true -p:CustomAfterMicrosoftCommonTargets=/src/Dockerfile.layers.targets -p:DockerfileGenPackagesLayer=/layers/packages/app -o /app && mkdir -p /layers/app && cp -al /app /layers/app/app && chmod -R u=rwX,go=rX /layers\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /layers/packages/ /\nCOPY --from=build /layers/app/ /\n",
        // The same with the app's layer copied straight from the publish folder, as DockerfileGen once wrote it.
        Build + "RUN dotnet publish -p:DockerfileGenInsideImage=true -p:CustomAfterMicrosoftCommonTargets=/src/Dockerfile.layers.targets -p:DockerfileGenPackagesLayer=/layers/packages/app -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /layers/packages/ /\nCOPY --from=build /app .\n",
        // DockerfileGen's own publish in one layer (nothing to set apart, or DockerfileGenLayers=false), today's and the earlier shape.
        Build + "RUN dotnet publish -c Release -p:DockerfileGenInsideImage=true -o /app && mkdir -p /layers/app && cp -al /app /layers/app/app && chmod -R u=rwX,go=rX /layers\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /layers/app/ /\n",
        Build + "RUN dotnet publish -c Release -p:DockerfileGenInsideImage=true -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app .\n",
        // Two COPYs out of the build stage: the output is already split.
        Build + "RUN dotnet publish --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app/runtimes ./runtimes\nCOPY --from=build /app .\n",
        Build + "RUN dotnet publish --no-restore -o /app\nRUN mkdir /packages && mv /app/Newtonsoft.Json.dll /packages/\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app .\nCOPY --from=build /packages .\n",
        // No restore at all: every dotnet command says --no-restore.
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app .\n",
        // A part of the output, not the whole of it.
        Build + "RUN dotnet publish --no-restore -o /app\nFROM nginx:1.27-alpine\nCOPY --from=build /app/wwwroot /usr/share/nginx/html\n",
        // Another folder than the publish output.
        Build + "RUN dotnet publish --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /src .\n",
        // Single-file or Native AOT on the command line, whatever the image.
        Build + "RUN dotnet publish -r linux-x64 --self-contained -p:PublishSingleFile=true --no-restore -o /app\nFROM ubuntu:24.04\nWORKDIR /app\nCOPY --from=build /app .\n",
        Build + "RUN dotnet publish --no-restore -o /app /p:PublishAot=true\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app .\n",
    };

    public static TheoryData<string> NotCaughtWithoutFacts => new()
    {
        // AOT and self-contained single-file apps live on runtime-deps (the official AOT sample), or on scratch.
        Build + "RUN dotnet publish --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app .\n",
        Build + "RUN dotnet publish --no-restore -o /app\nFROM scratch\nCOPY --from=build /app /app\n",
        // An image the file does not name.
        "ARG BASE\n" + Build + "RUN dotnet publish --no-restore -o /app\nFROM $BASE\nWORKDIR /app\nCOPY --from=build /app .\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_WholePublishOutputInOneCopy(string dockerfile, int line)
    {
        var withoutFacts = Lint.Catches(Id, dockerfile, line);
        Lint.Catches(Id, dockerfile, line, FrameworkDependent);
        Assert.Equal(DiagnosticSeverity.Info, withoutFacts.Severity);
    }

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_LayeredOrPartialOutputOrNoRestoreOrOneFile(string dockerfile)
    {
        Lint.DoesNotCatch(Id, dockerfile);
        Lint.DoesNotCatch(Id, dockerfile, FrameworkDependent);
    }

    [Theory]
    [MemberData(nameof(NotCaughtWithoutFacts))]
    public void DoesNotCatch_ImageOfSingleFileAndAotAppsWithoutFacts(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);

    [Fact]
    public void Catches_MultiFileSelfContainedAppOnRuntimeDepsWhenTheFactsSayIt()
    {
        var dockerfile = Build + "RUN dotnet publish -r linux-x64 --self-contained --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nWORKDIR /app\nCOPY --from=build /app .\n";
        var finding = Lint.Catches(Id, dockerfile, 9, Lint.WithFacts(Lint.Net(10) with { Deployment = new DeploymentMode { SelfContained = true } }));
        Assert.Contains("NuGet packages and the .NET runtime included", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void DoesNotCatch_SingleFileOrAotAppByTheFacts(bool singleFile, bool nativeAot)
    {
        var dockerfile = Build + "RUN dotnet publish --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app .\n";
        Lint.Catches(Id, dockerfile, 9, FrameworkDependent);
        Lint.DoesNotCatch(Id, dockerfile, Lint.WithFacts(Lint.Net(10) with { Deployment = new DeploymentMode { SelfContained = true, SingleFile = singleFile, NativeAot = nativeAot } }));
    }

    [Fact]
    public void MessageNamesTheCopyThePublishLineAndTheSaving()
    {
        var finding = Lint.Catches(Id, Build + "RUN dotnet publish -c Release --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app .\n", 9);

        Assert.Equal(
            "The whole publish output of line 6, NuGet packages included, is one layer (COPY --from=build /app .), so every code change ships and stores the packages again. Copy NuGet packages, referenced projects and the app in separate layers, as DockerfileGen generates, so a code edit pushes only the app's own files.",
            finding.Message);
    }
}
