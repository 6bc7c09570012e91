using DockerfileGen.Parsing;

namespace DockerfileGen.Core.Tests.Parsing;

/// <summary>The build variables each instruction sees, scoped per stage the way BuildKit scopes them.</summary>
public sealed class BuildVariablesTests
{
    private static Instruction At(DockerfileDocument document, int line) => document.Instructions.Single(i => i.Start.Line == line);

    [Fact]
    public void GlobalArgsReachFromLinesButAStageOnlyOnceRedeclared()
    {
        var document = DockerfileParser.Parse("ARG VERSION=10.0\nFROM mcr.microsoft.com/dotnet/aspnet:$VERSION\nWORKDIR /app/$VERSION\nARG VERSION\nWORKDIR /app/$VERSION\n");

        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", At(document, 2).Expand("mcr.microsoft.com/dotnet/aspnet:$VERSION"));
        Assert.False(At(document, 3).Variables.ContainsKey("VERSION"));
        Assert.Equal("/app/$VERSION", At(document, 3).Expand("/app/$VERSION"));
        Assert.Equal("/app/10.0", At(document, 5).Expand("/app/$VERSION"));
    }

    [Fact]
    public void EnvValuesUseTheScopeBeforeTheInstructionAndWinOverArgs()
    {
        var document = DockerfileParser.Parse("FROM alpine:3.20\nENV A=1\nENV A=2 B=$A\nARG A=9\nUSER $A:$B\n");

        var user = At(document, 5);
        Assert.Equal("2", user.Variables["A"]);
        Assert.Equal("1", user.Variables["B"]);
        Assert.Equal("2:1", user.Expand("$A:$B"));
    }

    [Fact]
    public void AStageBuiltOnAnotherKeepsItsEnvButNotItsArgs()
    {
        var document = DockerfileParser.Parse("FROM alpine:3.20 AS base\nARG TOOL=x\nENV HOME_DIR=/home/app\nFROM base\nWORKDIR $HOME_DIR\nFROM alpine:3.20\nWORKDIR $HOME_DIR\n");

        Assert.Equal("/home/app", At(document, 5).Expand("$HOME_DIR"));
        Assert.False(At(document, 5).Variables.ContainsKey("TOOL"));
        Assert.False(At(document, 7).Variables.ContainsKey("HOME_DIR"));
    }

    [Fact]
    public void PredefinedPlatformArgsAreKnownButHaveNoValue()
    {
        var document = DockerfileParser.Parse("FROM --platform=$BUILDPLATFORM alpine:3.20\nARG TARGETARCH\nRUN echo $TARGETARCH\n");

        Assert.True(At(document, 1).Variables.ContainsKey("BUILDPLATFORM"));
        Assert.Null(At(document, 3).Variables["TARGETARCH"]);
        Assert.Equal("-a $TARGETARCH", At(document, 3).Expand("-a $TARGETARCH"));
    }

    [Fact]
    public void ADefaultThatRefersToAnUnknownValueIsUnknown()
    {
        var document = DockerfileParser.Parse("FROM alpine:3.20\nARG TARGETARCH\nARG RID=linux-$TARGETARCH\nCOPY a /$RID/\n");

        Assert.True(At(document, 4).Variables.ContainsKey("RID"));
        Assert.Null(At(document, 4).Variables["RID"]);
    }

    [Fact]
    public void AStageNamedThroughAGlobalArgIsTheStageItIsBuiltOn()
    {
        var document = DockerfileParser.Parse("ARG BASE=runtime\nFROM alpine:3.20 AS runtime\nENV HOME_DIR=/home/app\nUSER 1000\nFROM ${BASE}\nWORKDIR $HOME_DIR\n");

        Assert.Equal("/home/app", At(document, 6).Expand("$HOME_DIR"));
        Assert.Same(document.Stages[0], DockerfileGen.Validation.DockerfileQueries.ParentStage(document, document.Stages[1]));
        Assert.DoesNotContain(DockerfileGen.Validation.DockerfileValidator.Validate(document).Findings, f => f.RuleId == "DFG2003");
    }
}
