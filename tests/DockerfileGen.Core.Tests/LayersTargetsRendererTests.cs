using System.Xml.Linq;
using DockerfileGen.Ignore;
using DockerfileGen.Model;
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
    public void AModelWithoutLayersHasNoTargetsFile()
    {
        Assert.Null(DockerfileGenerator.LayersTargetsFor(new DockerfileModel(new string[0], new PlannedStage[0]), "App.csproj"));
        Assert.Null(DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions()).LayersTargets);
    }

    [Fact]
    public void EveryTargetRunsOnlyWhenALayerFolderIsNamed()
    {
        var project = XDocument.Parse(LayersTargetsRenderer.Render()).Root!;
        var layered = "'$(DockerfileGenRuntimeLayer)$(DockerfileGenPackagesLayer)$(DockerfileGenProjectsLayer)' != ''";

        Assert.Equal(layered, project.Element(None + "PropertyGroup")!.Element(None + "_DockerfileGenLayered")!.Attribute("Condition")!.Value);
        var targets = project.Elements(None + "Target").ToList();
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
        var targets = XDocument.Parse(LayersTargetsRenderer.Render()).Root!.Elements(None + "Target").ToDictionary(t => t.Attribute("Name")!.Value, t => t.Attribute("AfterTargets")!.Value);

        Assert.Equal("ComputeResolvedFilesToPublishList", targets["_DockerfileGenClassifyLayerFiles"]);
        Assert.Equal("Publish", targets["_DockerfileGenMoveLayerFiles"]);
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
