using DockerfileGen.Model;
using DockerfileGen.Rendering;
using DockerfileGen.Testing;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Known = DockerfileGen.Tasks.GenerateDockerfile.Known;

namespace DockerfileGen.Tasks.Tests;

public sealed class GenerateDockerfileTests : IDisposable
{
    private readonly TempDirectory temp = new("dfg-task");
    private readonly FakeBuildEngine engine = new();

    private string DockerfilePath => Path.Combine(temp.Path, "Dockerfile");

    private string IgnorePath => Path.Combine(temp.Path, ".dockerignore");

    public void Dispose() => temp.Dispose();

    // The Dockerfile and the ignore file alone: no layers targets file, which the SBOM (on by default) needs.
    private GenerateDockerfile TwoFiles(Action<GenerateDockerfile>? configure = null) => Task(t =>
    {
        t.Set(Known.Sbom, "false");
        configure?.Invoke(t);
    });

    private GenerateDockerfile Task(Action<GenerateDockerfile>? configure = null)
    {
        var task = new GenerateDockerfile
        {
            BuildEngine = engine,
            Settings = TaskSettings.Of(
                (Known.ProjectFullPath, Path.Combine(temp.Path, "WebApi.csproj")),
                (Known.AssemblyName, "WebApi"),
                (Known.TargetFramework, "net10.0"),
                (Known.TargetFrameworkIdentifier, ".NETCoreApp"),
                (Known.TargetFrameworkVersion, "v10.0"),
                (Known.OutputType, "Exe"),

                // These tests own the file handling; the project graph needs a real MSBuild (TargetsTests).
                (Known.ReadProjectGraph, "false")),
        };
        task.SetItems(Known.FrameworkReferences, new TaskItem("Microsoft.AspNetCore.App"));
        configure?.Invoke(task);
        return task;
    }

    [Fact]
    public void WritesBothFilesAndSaysSoInOneLine()
    {
        var task = Task();

        Assert.True(task.Execute());

        Assert.Empty(FoundationChecks.Violations(File.ReadAllText(DockerfilePath)));
        Assert.Contains("**/obj", File.ReadAllText(IgnorePath));
        Assert.Equal(new[] { ".dockerignore", "Dockerfile", "Dockerfile.layers.targets" }, task.WrittenFiles.Select(f => Path.GetFileName(f.ItemSpec)).Order(StringComparer.Ordinal));
        var line = Assert.Single(engine.Messages, m => m.Importance == MessageImportance.High);
        Assert.Equal($"DockerfileGen: wrote Dockerfile and .dockerignore in {temp.Path}, and Dockerfile.layers.targets, which the image's publish imports to lay out its layers and write its SBOM", line.Message);
        Assert.DoesNotContain(engine.Messages, m => (m.Message ?? "").Contains("up to date", StringComparison.Ordinal));
    }

    [Fact]
    public void AFallbackFromTheSlimDefaultIsShownByAPlainBuild()
    {
        var task = Task(t => t.SetItems(Known.OsPackages, new TaskItem("libgdiplus")));

        Assert.True(task.Execute());

        var info = Assert.Single(engine.Messages, m => m.Code == "DFG0081");
        Assert.Equal(MessageImportance.High, info.Importance);
        Assert.Contains("DockerfileGenOsPackage installs libgdiplus", info.Message);
        Assert.Contains("\nFROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final\n", File.ReadAllText(DockerfilePath));
    }

    [Fact]
    public void UnchangedContentIsNotRewritten()
    {
        Assert.True(TwoFiles().Execute());
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(DockerfilePath, stamp);
        File.SetLastWriteTimeUtc(IgnorePath, stamp);

        var again = TwoFiles();
        Assert.True(again.Execute());

        Assert.Empty(again.WrittenFiles);
        Assert.Contains(engine.Messages, m => m.Message == $"DockerfileGen: Dockerfile and .dockerignore in {temp.Path} are up to date");
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(DockerfilePath));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(IgnorePath));
    }

    [Fact]
    public void DoesNotOverwriteUserOwnedDockerfile()
    {
        File.WriteAllText(DockerfilePath, "FROM mine\n");

        var task = Task();
        Assert.True(task.Execute());

        Assert.Equal("FROM mine\n", File.ReadAllText(DockerfilePath));
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("DFG0001", warning.Code);
        Assert.Equal(DockerfilePath, warning.File);
        Assert.False(File.Exists(IgnorePath), "an ignore file is only written beside a generated Dockerfile");
    }

    [Fact]
    public void DoesNotSilentlyOverwriteAnEditedGeneratedDockerfile()
    {
        Assert.True(Task().Execute());
        var edited = File.ReadAllText(DockerfilePath).Replace("EXPOSE 8080", "EXPOSE 9090");
        File.WriteAllText(DockerfilePath, edited);

        Assert.True(Task(t => t.Set(Known.Configuration, "Debug")).Execute());

        Assert.Equal(edited, File.ReadAllText(DockerfilePath));
        Assert.Equal("DFG0002", Assert.Single(engine.Warnings).Code);
    }

    [Fact]
    public void OverwriteHandsTheFileBack()
    {
        File.WriteAllText(DockerfilePath, "FROM mine\n");

        Assert.True(Task(t => t.Set(Known.Overwrite, "true")).Execute());

        Assert.Empty(FoundationChecks.Violations(File.ReadAllText(DockerfilePath)));
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void AnErrorWritesNothing()
    {
        var task = Task(t => t.Set(Known.TargetFrameworkVersion, "v5.0"));

        Assert.False(task.Execute());

        Assert.Equal("DFG0003", Assert.Single(engine.Errors).Code);
        Assert.False(File.Exists(DockerfilePath));
        Assert.False(File.Exists(IgnorePath));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void LeavesNoTemporaryFiles()
    {
        Assert.True(TwoFiles().Execute());
        Assert.True(TwoFiles(t => t.Set(Known.Configuration, "Debug")).Execute());

        Assert.Equal(new[] { ".dockerignore", "Dockerfile" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RemovesTheIgnoreFileAnEarlierBuildContextLeftBehind()
    {
        // What a generation with a context above the project folder wrote, before the reference that needed it went.
        var superseded = Path.Combine(temp.Path, "Dockerfile.dockerignore");
        File.WriteAllText(superseded, GeneratedFileMarker.Apply("*\n!App\n!libs/B\n", "WebApi.csproj"));

        var task = Task();
        Assert.True(task.Execute());

        Assert.False(File.Exists(superseded), "BuildKit would read the stale Dockerfile.dockerignore before the new .dockerignore");
        Assert.True(File.Exists(IgnorePath));
        Assert.Empty(engine.Warnings);
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High
            && m.Message == $"DockerfileGen: removed Dockerfile.dockerignore in {temp.Path}, which it generated before and no longer writes");
        Assert.DoesNotContain(engine.Messages, m => (m.Message ?? "").Contains("up to date", StringComparison.Ordinal));
    }

    [Fact]
    public void KeepsAndReportsAnEditedSupersededIgnoreFile()
    {
        var superseded = Path.Combine(temp.Path, "Dockerfile.dockerignore");
        var edited = GeneratedFileMarker.Apply("*\n!App\n", "WebApi.csproj") + "!docs\n";
        File.WriteAllText(superseded, edited);

        Assert.True(Task().Execute());

        Assert.Equal(edited, File.ReadAllText(superseded));
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("DFG0061", warning.Code);
        Assert.Equal(superseded, warning.File);
        Assert.Contains("BuildKit reads Dockerfile.dockerignore first", warning.Message);
    }

    [Theory]
    [InlineData("Other.csproj")]
    [InlineData(null)]
    public void LeavesAnIgnoreFileOfAnotherProjectOrOfTheUser(string? generatedFrom)
    {
        var other = Path.Combine(temp.Path, "Dockerfile.dockerignore");
        var content = generatedFrom is null ? "*\n!App\n" : GeneratedFileMarker.Apply("*\n!App\n", generatedFrom);
        File.WriteAllText(other, content);

        Assert.True(Task().Execute());

        Assert.Equal(content, File.ReadAllText(other));
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void ARenamedDockerfileTakesItsOldFilesAlongButNotEditedOnes()
    {
        var tracked = Path.Combine(temp.Path, "obj", "DockerfileGen.generation");
        Directory.CreateDirectory(Path.GetDirectoryName(tracked)!);
        Assert.True(TwoFiles(t => t.StatePath = tracked).Execute());
        Assert.Contains(DockerfilePath, GenerationState.Parse(File.ReadAllText(tracked))!.TrackedFiles);

        var renamed = TwoFiles(t => { t.StatePath = tracked; t.Set(Known.DockerfileName, "Dockerfile.api"); });
        Assert.True(renamed.Execute());

        Assert.False(File.Exists(DockerfilePath), "docker build . would still build the old Dockerfile");
        Assert.False(File.Exists(IgnorePath));
        Assert.True(File.Exists(Path.Combine(temp.Path, "Dockerfile.api")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "Dockerfile.api.dockerignore")));
        Assert.Contains(engine.Messages, m => m.Message == $"DockerfileGen: removed .dockerignore and Dockerfile in {temp.Path}, which it generated before and no longer writes");

        // Back to the default name, with the Dockerfile.api edited by hand: the edit stays, the untouched ignore file goes.
        var api = Path.Combine(temp.Path, "Dockerfile.api");
        File.AppendAllText(api, "# mine\n");
        Assert.True(TwoFiles(t => t.StatePath = tracked).Execute());
        Assert.True(File.Exists(api));
        Assert.False(File.Exists(Path.Combine(temp.Path, "Dockerfile.api.dockerignore")));
        Assert.True(File.Exists(DockerfilePath));
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void ALayeredDockerfileComesWithItsLayersTargetsFileWhichAnEditKeeps()
    {
        var targets = Path.Combine(temp.Path, LayersTargetsRenderer.FileName("Dockerfile"));
        GenerateDockerfile Layered() => Task(t => t.SetItems(Known.PackageReferences, new TaskItem("Serilog", new Dictionary<string, string> { ["Version"] = "4.0.0" })));

        var first = Layered();
        Assert.True(first.Execute());

        Assert.Contains("-p:CustomAfterMicrosoftCommonTargets=/src/Dockerfile.layers.targets -p:DockerfileGenPackagesLayer=/layers/packages/app ", File.ReadAllText(DockerfilePath));
        Assert.Equal(GeneratedFileMarker.ApplyXml(LayersTargetsRenderer.Render(), "WebApi.csproj"), File.ReadAllText(targets));
        Assert.Contains(targets, first.WrittenFiles.Select(f => f.ItemSpec));

        // Edited but still marked: kept, and said so, as for the Dockerfile.
        File.WriteAllText(targets, File.ReadAllText(targets).Replace("<Project>", "<Project>\n  <PropertyGroup><Mine>1</Mine></PropertyGroup>"));
        Assert.True(Layered().Execute());
        Assert.Contains("<Mine>1</Mine>", File.ReadAllText(targets));
        Assert.Contains(engine.Warnings, w => w.Code == "DFG0002" && w.Message!.Contains("Dockerfile.layers.targets", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ALayersTargetsFileNoLongerGeneratedIsRemovedUnlessEdited(bool edited)
    {
        var tracked = Path.Combine(temp.Path, "obj", "DockerfileGen.generation");
        Directory.CreateDirectory(Path.GetDirectoryName(tracked)!);
        var targets = Path.Combine(temp.Path, LayersTargetsRenderer.FileName("Dockerfile"));
        var content = GeneratedFileMarker.ApplyXml(LayersTargetsRenderer.Render(), "WebApi.csproj");
        File.WriteAllText(targets, edited ? content.Replace("<Project>", "<Project>\n  <PropertyGroup><Mine>1</Mine></PropertyGroup>") : content);
        File.WriteAllText(tracked, new GenerationState { TrackedFiles = new[] { DockerfilePath, IgnorePath, targets } }.ToStateFile().Format());

        Assert.True(TwoFiles(t => t.StatePath = tracked).Execute());

        Assert.Equal(edited, File.Exists(targets));
        Assert.Equal(!edited, engine.Messages.Any(m => m.Message == $"DockerfileGen: removed Dockerfile.layers.targets in {temp.Path}, which it generated before and no longer writes"));
        Assert.Empty(engine.Warnings);
        Assert.DoesNotContain(targets, GenerationState.Parse(File.ReadAllText(tracked))!.TrackedFiles);
    }

    [Theory]
    [InlineData("Dockerfile|.dockerignore", "DockerfileGen: wrote Dockerfile and .dockerignore in /p")]
    [InlineData("Dockerfile|.dockerignore|Dockerfile.layers.targets", "DockerfileGen: wrote Dockerfile and .dockerignore in /p, and Dockerfile.layers.targets, which the image's publish imports to lay out its layers and write its SBOM")]
    [InlineData("Dockerfile|Dockerfile.layers.targets", "DockerfileGen: wrote Dockerfile in /p, and Dockerfile.layers.targets, which the image's publish imports to lay out its layers and write its SBOM")]
    [InlineData("Dockerfile.layers.targets", "DockerfileGen: wrote Dockerfile.layers.targets in /p, which the image's publish imports to lay out its layers and write its SBOM")]
    public void TheWroteLineKeepsNamingTheDockerfileAndIgnoreFileFirst(string written, string line)
    {
        Assert.Equal(line, GenerateDockerfile.WroteLine(written.Split('|').ToList(), "Dockerfile.layers.targets", "/p"));
    }

    [Fact]
    public void AnOwnFileTheLastGenerationDidNotListIsLeftAlone()
    {
        var projectFolderIgnore = GeneratedFileMarker.Apply("**/bin\n", "WebApi.csproj");
        File.WriteAllText(IgnorePath, projectFolderIgnore);

        Assert.True(Task(t => t.Set(Known.DockerfileName, "Dockerfile.api")).Execute());

        Assert.True(File.Exists(Path.Combine(temp.Path, "Dockerfile.api.dockerignore")));
        Assert.Equal(projectFolderIgnore, File.ReadAllText(IgnorePath));
    }

    [Fact]
    public void SelectsTheNewestFrameworkOfAMultiTargetedProject()
    {
        var task = new SelectTargetFramework { BuildEngine = engine, TargetFrameworks = "net8.0;net10.0;netstandard2.0" };

        Assert.True(task.Execute());
        Assert.Equal("net10.0", task.SelectedTargetFramework);
    }

    [Fact]
    public void ReportsARequestedFrameworkTheProjectDoesNotTarget()
    {
        var task = new SelectTargetFramework { BuildEngine = engine, TargetFrameworks = "net8.0", RequestedTargetFramework = "net9.0" };

        Assert.False(task.Execute());
        Assert.Equal("DFG0004", Assert.Single(engine.Errors).Code);
    }

    /// <summary>Every kind of file a .NET project folder holds, with content of its kind.</summary>
    public static TheoryData<string, string> ProjectFiles() => new()
    {
        { "WebApi.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />\n" },
        { "Lib.fsproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n" },
        { "Lib.vbproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n" },
        { "Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n" },
        { "Program.fs", "[<EntryPoint>]\nlet main _ = 0\n" },
        { "Module1.vb", "Module Module1\nEnd Module\n" },
        { "App.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\n" },
        { "App.slnx", "<Solution />\n" },
        { "Directory.Build.props", "<Project />\n" },
        { "Directory.Build.targets", "<Project />\n" },
        { "Directory.Packages.props", "<Project />\n" },
        { "NuGet.config", "<configuration />\n" },
        { "global.json", "{ \"sdk\": { \"version\": \"10.0.100\" } }\n" },
        { "appsettings.json", "{ }\n" },
        { "packages.lock.json", "{ \"version\": 1 }\n" },
        { ".dockerignore", "**/bin\n**/obj\n" },
        { "Dockerfile.dockerignore", "*\n!src\n" },
        { ".editorconfig", "root = true\n" },
        { ".gitignore", "bin/\n" },
        { "README.md", "# WebApi\n" },
        { "docker-compose.yml", "services:\n  api:\n    build: .\n" },
        { "Dockerfile.cs", "class C { }\n" },
        { "Dockerfile.sh", "#!/bin/sh\nexec dotnet WebApi.dll\n" },
        { "Dockerfile.web", "#!/bin/sh\nexec dotnet WebApi.dll\n" },
        { "web.Dockerfile", "echo this is not a Dockerfile\n" },
    };

    [Theory]
    [MemberData(nameof(ProjectFiles))]
    public void NoDockerfileNameDestroysAProjectFileEvenWithOverwrite(string name, string content)
    {
        var path = Path.Combine(temp.Path, name);
        File.WriteAllText(path, content);

        var task = Task(t => { t.Set(Known.DockerfileName, name); t.Set(Known.Overwrite, "true"); });

        Assert.False(task.Execute());
        Assert.Equal("DFG0006", Assert.Single(engine.Errors).Code);
        Assert.Equal(content, File.ReadAllText(path));
        Assert.Equal(new[] { name }, Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void ValidationNeverLintsAFileThatIsNotNamedLikeADockerfile()
    {
        var program = Path.Combine(temp.Path, "Program.cs");
        File.WriteAllText(program, "var app = WebApplication.Create(args);\n");

        var task = new ValidateDockerfile { BuildEngine = engine, DockerfilePath = program, ProjectFullPath = Path.Combine(temp.Path, "WebApi.csproj") };

        Assert.False(task.Execute());
        Assert.Equal("DFG0006", Assert.Single(engine.Errors).Code);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void AFileThatCannotBeWrittenIsACodedErrorWithoutAStackTrace()
    {
        // A folder where the Dockerfile goes: the write fails as it does in a read-only folder.
        Directory.CreateDirectory(DockerfilePath);

        var task = Task();

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0046", error.Code);
        Assert.Contains(DockerfilePath, error.Message);
        Assert.Contains("writable", error.Message);
        Assert.DoesNotContain("   at ", error.Message);
    }

    [Fact]
    public void AnObjFolderThatCannotBeWrittenIsACodedError()
    {
        var notAFolder = Path.Combine(temp.Path, "obj");
        File.WriteAllText(notAFolder, "a file where obj/ should be");

        var task = Task(t => t.StatePath = Path.Combine(notAFolder, "DockerfileGen.generation"));

        Assert.False(task.Execute());
        Assert.Equal("DFG0046", Assert.Single(engine.Errors).Code);
    }

    public static TheoryData<string> Tasks() => new() { nameof(GenerateDockerfile), nameof(ValidateDockerfile) };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void AnUnexpectedExceptionInsideATaskIsACodedBugReport(string name)
    {
        File.WriteAllText(Path.Combine(temp.Path, "WebApi.csproj"), "<Project />");
        if (name == nameof(ValidateDockerfile))
        {
            File.WriteAllText(DockerfilePath, "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR app\n");
        }

        engine.ThrowOnMessage = new InvalidOperationException("injected failure");
        Microsoft.Build.Utilities.Task task = name == nameof(GenerateDockerfile)
            ? Task()
            : new ValidateDockerfile { BuildEngine = engine, DockerfilePath = DockerfilePath, CachePath = Path.Combine(temp.Path, "obj", "validation.cache") };
        if (task is ValidateDockerfile validate)
        {
            // The first run lints and remembers; the second replays, and logs the message the engine fails on.
            engine.ThrowOnMessage = null;
            Assert.True(validate.Execute());
            engine.ThrowOnMessage = new InvalidOperationException("injected failure");
        }

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0047", error.Code);
        Assert.Contains($"DockerfileGen ({name}) failed unexpectedly: InvalidOperationException: injected failure.", error.Message);
        Assert.Contains("DockerfileGen bug", error.Message);
        Assert.DoesNotContain("   at ", error.Message);
    }

    public static TheoryData<string, string, string> SettingErrors() => new()
    {
        { "allowed registries", "DFG2002", "DockerfileGenAllowedRegistries 'registry.example.com'" },
        { "older SDK image", "DFG3002", "DockerfileGenSdkImage 'mcr.microsoft.com/dotnet/sdk:8.0'" },
        { "rule made an error", "DFG2003", "DockerfileGenInstruction 'as-root'" },
    };

    [Theory]
    [MemberData(nameof(SettingErrors))]
    public void AnErrorASettingCausesNamesTheSettingAndWritesNothing(string setting, string code, string cause)
    {
        var task = Task(t =>
        {
            switch (setting)
            {
                case "allowed registries": t.Set(Known.AllowedRegistries, "registry.example.com"); break;
                case "older SDK image": t.Set(Known.SdkImage, "mcr.microsoft.com/dotnet/sdk:8.0"); break;
                default:
                    t.SetItems(Known.Instructions, new TaskItem("as-root", new Dictionary<string, string> { ["Instruction"] = "USER root", ["Point"] = "End" }));
                    t.Set(Known.RuleSeverity, "DFG2003=error");
                    break;
            }
        });

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains("This comes from " + cause, error.Message);
        Assert.DoesNotContain("bug", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void AWarningASettingCausesIsReportedOnceByTheValidatorNamingTheSetting()
    {
        var origins = Path.Combine(temp.Path, "obj", "DockerfileGen.generation");
        Directory.CreateDirectory(Path.GetDirectoryName(origins)!);
        Assert.True(Task(t => { t.Set(Known.ContainerUser, "root"); t.StatePath = origins; }).Execute());
        Assert.Empty(engine.Warnings);

        var validate = new ValidateDockerfile { BuildEngine = engine, DockerfilePath = DockerfilePath, ProjectFullPath = Path.Combine(temp.Path, "WebApi.csproj"), OriginsPath = origins };
        Assert.True(validate.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("DFG2003", warning.Code);
        Assert.Contains("This comes from ContainerUser 'root' in the project", warning.Message);
        Assert.DoesNotContain("bug", warning.Message);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("no/such/folder")]
    public void AContextRootThatCannotBeOneIsACodedError(string root)
    {
        var task = Task(t => { t.Set(Known.ReadProjectGraph, "true"); t.Set(Known.ContextRoot, root); });

        Assert.False(task.Execute());

        Assert.Equal("DFG0072", Assert.Single(engine.Errors).Code);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void AContextRootWithoutTheProjectGraphIsSaidToBeIgnored()
    {
        Assert.True(Task(t => t.Set(Known.ContextRoot, "..")).Execute());

        Assert.Contains("DockerfileGenContextRoot '..' is ignored", Assert.Single(engine.Warnings, w => w.Code == "DFG0039").Message);
    }

    [Fact]
    public void ARequestedFrameworkASingleTargetedProjectDoesNotTargetIsACodedError()
    {
        var task = Task(t => t.Set(Known.RequestedTargetFramework, "net99.0"));

        Assert.False(task.Execute());

        Assert.Equal("DFG0004", Assert.Single(engine.Errors).Code);
        Assert.False(File.Exists(DockerfilePath));
        Assert.True(Task(t => t.Set(Known.RequestedTargetFramework, "NET10.0")).Execute());
    }
}
