using DockerfileGen.Rendering;

namespace DockerfileGen.Core.Tests;

public sealed class FileUpdateTests
{
    private static readonly string Generated = GeneratedFileMarker.Apply("FROM a AS b\n", "App.csproj");
    private static readonly string Previous = GeneratedFileMarker.Apply("FROM old AS b\n", "App.csproj");

    [Fact]
    public void CreatesAMissingFile() =>
        Assert.Equal(FileUpdateAction.Create, FileUpdate.Decide(null, Generated, false, "Dockerfile", "App.csproj").Action);

    [Fact]
    public void LeavesAnIdenticalFileAlone() =>
        Assert.Equal(FileUpdateAction.Unchanged, FileUpdate.Decide(Generated, Generated, false, "Dockerfile", "App.csproj").Action);

    [Fact]
    public void LeavesAnIdenticalCrlfFileAlone() =>
        Assert.Equal(FileUpdateAction.Unchanged, FileUpdate.Decide(Generated.Replace("\n", "\r\n"), Generated, false, "Dockerfile", "App.csproj").Action);

    [Fact]
    public void UpdatesItsOwnUneditedFile() =>
        Assert.Equal(FileUpdateAction.Update, FileUpdate.Decide(Previous, Generated, false, "Dockerfile", "App.csproj").Action);

    [Fact]
    public void DoesNotOverwriteUserOwnedDockerfile()
    {
        var update = FileUpdate.Decide("FROM mine\n", Generated, false, "Dockerfile", "App.csproj");

        Assert.Equal(FileUpdateAction.Keep, update.Action);
        Assert.Equal("DFG0001", update.Diagnostic!.Code);
        Assert.Contains("DockerfileGenOverwrite", update.Diagnostic.Message);
    }

    [Fact]
    public void DoesNotSilentlyOverwriteAnEditedGeneratedFile()
    {
        var update = FileUpdate.Decide(Previous.Replace("old", "mine"), Generated, false, "Dockerfile", "App.csproj");

        Assert.Equal(FileUpdateAction.Keep, update.Action);
        Assert.Equal("DFG0002", update.Diagnostic!.Code);
        Assert.Contains("delete its first line", update.Diagnostic.Message);
    }

    [Fact]
    public void OverwriteReplacesWhateverIsThere()
    {
        Assert.Equal(FileUpdateAction.Update, FileUpdate.Decide("FROM mine\n", Generated, true, "Dockerfile", "App.csproj").Action);
        Assert.Equal(FileUpdateAction.Update, FileUpdate.Decide(Previous.Replace("old", "mine"), Generated, true, "Dockerfile", "App.csproj").Action);
    }

    [Theory]
    [InlineData("public static class Program { }\n")]
    [InlineData("#!/bin/sh\necho hello\n")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\" />\n")]
    [InlineData("RUN echo before any FROM\n")]
    public void NeverReplacesAFileThatIsNotADockerfileEvenWithOverwrite(string existing)
    {
        var update = FileUpdate.Decide(existing, Generated, true, "Dockerfile.web", "App.csproj", dockerfile: true);

        Assert.Equal(FileUpdateAction.Keep, update.Action);
        Assert.Equal("DFG0006", update.Diagnostic!.Code);
        Assert.Equal(Diagnostics.DiagnosticSeverity.Error, update.Diagnostic.Severity);
    }

    [Theory]
    [InlineData("FROM mine\n")]
    [InlineData("# syntax=docker/dockerfile:1\nARG BASE=x\nFROM $BASE\nRUN true\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void OverwriteReplacesADockerfileOfTheUsers(string existing) =>
        Assert.Equal(FileUpdateAction.Update, FileUpdate.Decide(existing, Generated, true, "Dockerfile", "App.csproj", dockerfile: true).Action);

    [Theory]
    [InlineData("unedited", FileUpdateAction.Update, null)]
    [InlineData("same", FileUpdateAction.Unchanged, null)]
    [InlineData("edited", FileUpdateAction.Keep, "DFG0002")]
    [InlineData("marker deleted", FileUpdateAction.Keep, "DFG0001")]
    public void ALayersTargetsFileFollowsTheRulesOfTheOtherGeneratedFiles(string existing, FileUpdateAction action, string? code)
    {
        var generated = GeneratedFileMarker.ApplyXml(LayersTargetsRenderer.Render(), "App.csproj");
        var previous = GeneratedFileMarker.ApplyXml("<Project />\n", "App.csproj");
        var text = existing switch
        {
            "unedited" => previous,
            "same" => generated,
            "edited" => previous.Replace("<Project />", "<Project><Import Project=\"mine.targets\" /></Project>"),
            _ => previous.Substring(previous.IndexOf('\n') + 1),
        };

        var update = FileUpdate.Decide(text, generated, false, "Dockerfile.layers.targets", "App.csproj");

        Assert.Equal(action, update.Action);
        Assert.Equal(code, update.Diagnostic?.Code);
    }
}
