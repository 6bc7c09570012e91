using System.Xml.Linq;
using DockerfileGen.Ignore;
using DockerfileGen.Model;
using DockerfileGen.Planning;
using DockerfileGen.Rendering;
using DockerfileGen.Testing;

namespace DockerfileGen.Core.Tests;

public sealed class LayersTargetsRendererTests
{
    private static readonly XNamespace None = XNamespace.None;

    [Theory]
    [InlineData("Dockerfile", "Dockerfile.layers.targets")]
    [InlineData("Dockerfile.web", "Dockerfile.web.layers.targets")]
    [InlineData("api.Containerfile", "api.Containerfile.layers.targets")]
    public void TheFileIsNamedAfterItsDockerfile(string dockerfile, string expected)
    {
        Assert.Equal(expected, LayersTargetsRenderer.FileName(dockerfile));
        Assert.False(DockerfileGenerator.IsDockerfileName(expected), "a Dockerfile name must never be taken for the targets file");
    }

    [Fact]
    public void TheGeneratedFileCarriesTheXmlMarkerAndTheRenderedBody()
    {
        var model = new DockerfileModel(new string[0], new PlannedStage[0]) { LayersTargetsFile = "Dockerfile.layers.targets" };

        var file = DockerfileGenerator.LayersTargetsFor(model, "App.csproj");

        Assert.NotNull(file);
        Assert.Equal("Dockerfile.layers.targets", file!.FileName);
        Assert.StartsWith(GeneratedFileMarker.XmlPrefix + " from App.csproj; content hash ", file.Content);
        Assert.True(GeneratedFileMarker.IsUneditedFrom(file.Content, "App.csproj"));
        Assert.EndsWith("\n" + LayersTargetsRenderer.Render(), file.Content);
        Snapshot.Match(file.Content, "targets");
    }

    [Fact]
    public void AModelWithoutLayersOrAnSbomHasNoTargetsFile()
    {
        Assert.Null(DockerfileGenerator.LayersTargetsFor(new DockerfileModel(new string[0], new PlannedStage[0]), "App.csproj"));
        Assert.Null(DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions { Sbom = false }).LayersTargets);
        // The SBOM, on by default, is written by the same file's inline task.
        Assert.NotNull(DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions()).LayersTargets);
    }

    [Fact]
    public void EveryTargetRunsOnlyWhenALayerFolderIsNamed()
    {
        var project = XDocument.Parse(LayersTargetsRenderer.Render()).Root!;
        var layered = "'$(DockerfileGenRuntimeLayer)$(DockerfileGenPackagesLayer)$(DockerfileGenProjectsLayer)' != ''";

        Assert.Equal(layered, project.Element(None + "PropertyGroup")!.Element(None + "_DockerfileGenLayered")!.Attribute("Condition")!.Value);
        var targets = project.Elements(None + "Target").Where(t => t.Attribute("Name")!.Value is not ("_DockerfileGenWriteSbom" or "_DockerfileGenDateBuildCompressedAssets" or "_DockerfileGenDatePublishCompressedAssets")).ToList();
        Assert.Equal(4, targets.Count);
        Assert.All(targets, target => Assert.Contains(
            (string?)target.Attribute("Condition") ?? "",
            new[] { "'$(_DockerfileGenLayered)' == 'true'", "'@(_DockerfileGenEmptiedFolder)' != ''" }));
        Assert.Contains(LayersTargetsRenderer.RuntimeLayerProperty, layered);
        Assert.Contains(LayersTargetsRenderer.PackagesLayerProperty, layered);
        Assert.Contains(LayersTargetsRenderer.ProjectsLayerProperty, layered);
    }

    [Fact]
    public void FilesAreClassifiedBeforeTheirItemsAreRewrittenAndMovedAfterPublish()
    {
        var targets = XDocument.Parse(LayersTargetsRenderer.Render()).Root!.Elements(None + "Target").Where(t => t.Attribute("AfterTargets") is not null).ToDictionary(t => t.Attribute("Name")!.Value, t => t.Attribute("AfterTargets")!.Value);

        Assert.Equal("ComputeResolvedFilesToPublishList", targets["_DockerfileGenClassifyLayerFiles"]);
        Assert.Equal("Publish", targets["_DockerfileGenMoveLayerFiles"]);
    }

    [Fact]
    public void CompressedStaticWebAssetsTakeTheCommitsTimeBeforeTheirEndpointsReadIt()
    {
        var project = XDocument.Parse(LayersTargetsRenderer.Render()).Root!;
        var targets = project.Elements(None + "Target").Where(t => t.Attribute("Name")!.Value.EndsWith("CompressedAssets", StringComparison.Ordinal)).ToList();

        // One target each: MSBuild runs a target once per build, and the publish compresses again after the build.
        Assert.Equal(new[] { "ResolveBuildCompressedStaticWebAssets", "ResolvePublishCompressedStaticWebAssets" }, targets.Select(t => t.Attribute("BeforeTargets")!.Value));
        Assert.All(targets, target => Assert.Equal("find \"$(IntermediateOutputPath)compressed\" -type f -exec touch -d \"@$(_DockerfileGenSourceDateEpoch)\" {} +", target.Element(None + "Exec")!.Attribute("Command")!.Value));
        var epoch = project.Elements(None + "PropertyGroup").Elements(None + "_DockerfileGenSourceDateEpoch").Select(e => e.Value).ToList();
        Assert.Equal(new[] { "$(SOURCE_DATE_EPOCH)", StageSettings.DefaultSourceDateEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture) }, epoch);
    }

    [Fact]
    public void TheSbomIsWrittenAfterPublishOnlyWhenItsFileIsNamed()
    {
        var project = XDocument.Parse(LayersTargetsRenderer.Render()).Root!;

        var target = project.Elements(None + "Target").Single(t => t.Attribute("Name")!.Value == "_DockerfileGenWriteSbom");
        Assert.Equal("Publish", target.Attribute("AfterTargets")!.Value);
        Assert.Equal($"'$({LayersTargetsRenderer.SbomFileProperty})' != ''", target.Attribute("Condition")!.Value);
        var task = target.Element(None + "DockerfileGenWriteSbom")!;
        Assert.Equal($"$({LayersTargetsRenderer.SbomFileProperty})", task.Attribute("OutputFile")!.Value);
        Assert.Equal($"$({LayersTargetsRenderer.SbomBaseImageProperty})", task.Attribute("BaseImage")!.Value);
        Assert.Equal(LayersTargetsRenderer.ToolVersion, task.Attribute("ToolVersion")!.Value);
        Assert.Matches(@"^\d+\.\d+\.\d+", LayersTargetsRenderer.ToolVersion);
    }

    [Fact]
    public void TheInlineTaskIsTheSbomWritersOwnSource()
    {
        var project = XDocument.Parse(LayersTargetsRenderer.Render()).Root!;
        var source = Path.Combine(Testing.RepoPaths.Root, "src", "DockerfileGen.Core", "Sbom");

        var usingTask = project.Element(None + "UsingTask")!;
        Assert.Equal("RoslynCodeTaskFactory", usingTask.Attribute("TaskFactory")!.Value);
        var code = usingTask.Element(None + "Task")!.Element(None + "Code")!;
        Assert.Equal("Class", code.Attribute("Type")!.Value);
        Assert.Equal(
            "\n" + File.ReadAllText(Path.Combine(source, "CycloneDxSbom.cs")) + File.ReadAllText(Path.Combine(source, "WriteSbomTask.cs")),
            code.Value.Replace("\r\n", "\n"));
        Assert.DoesNotContain("$(", code.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("@(", code.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheIgnoreFileLetsTheTargetsFileIntoTheContext(bool allowlist)
    {
        var facts = Facts.WebApi() with { ProjectFile = "Api.csproj", AssemblyName = "Api" };
        var inputs = allowlist
            ? BuildContextPlannerTests.Repository()
            : new BuildInputs { AppProject = "/repo/app/App.csproj", Projects = new[] { "/repo/app/App.csproj", "/repo/Lib.csproj" } };

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions(), inputs);

        var context = result.Context!;
        Assert.Equal(allowlist, result.IgnoreFile!.Content.Contains("\n*\n", StringComparison.Ordinal));
        var matcher = DockerIgnoreMatcher.Parse(result.IgnoreFile.Content);
        Assert.False(matcher.IsExcluded(context.AppDirectory + "/" + LayersTargetsRenderer.FileName("Dockerfile")));
        Assert.True(matcher.IsExcluded(context.AppDirectory + "/Dockerfile"));
    }
}
