using DockerfileGen.Parsing;

namespace DockerfileGen.Core.Tests.Parsing;

public sealed class DockerfileParserTests
{
    [Fact]
    public void KeepsLineAndColumnOfInstructionsFlagsAndArguments()
    {
        var document = DockerfileParser.Parse("FROM alpine:3.20 AS base\n\n  RUN --mount=type=cache,target=/x echo  hi\n");

        var run = document.Instructions[1];
        Assert.Equal(new TextPosition(3, 3), run.Start);
        Assert.Equal("mount", run.Flags[0].Name);
        Assert.Equal("type=cache,target=/x", run.Flags[0].Value);
        Assert.Equal(new TextPosition(3, 7), run.Flags[0].Start);
        Assert.Equal(new[] { "echo", "hi" }, run.Arguments.Select(a => a.Value));
        Assert.Equal(new TextPosition(3, 36), run.Arguments[0].Start);
        Assert.Equal(new TextPosition(3, 42), run.Arguments[1].Start);
        Assert.Equal("base", document.Stages[0].Name);
        Assert.Equal(new TextPosition(1, 21), document.Stages[0].NameStart);
    }

    [Fact]
    public void JoinsContinuationLinesAndDropsCommentsAndEmptyLinesInside()
    {
        var document = DockerfileParser.Parse("FROM a:1\nRUN apt-get update \\\n# a comment\n\n    && apt-get install \\\n    curl\nUSER app\n");

        var run = document.Instructions[1];
        Assert.Equal(2, run.Start.Line);
        Assert.Equal(6, run.End.Line);
        Assert.Equal("apt-get update     && apt-get install     curl", run.ArgumentText);
        Assert.Equal(new TextPosition(6, 5), run.Arguments[^1].Start);
        Assert.Equal("USER", document.Instructions[2].Name);
        Assert.Empty(document.Comments);
    }

    [Fact]
    public void HonoursTheEscapeDirective()
    {
        var document = DockerfileParser.Parse("# escape=`\n# syntax=docker/dockerfile:1\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir `\n    c:\\\nWORKDIR c:\\app\n");

        Assert.Equal('`', document.EscapeCharacter);
        Assert.Equal(new[] { "escape", "syntax" }, document.Directives.Select(d => d.Name));
        Assert.Equal(3, document.Instructions.Count);
        Assert.Equal("dir     c:\\", document.Instructions[1].ArgumentText);
        Assert.Equal("c:\\app", document.Instructions[2].ArgumentText);
    }

    [Fact]
    public void DirectivesAfterACommentOrInstructionAreComments()
    {
        var document = DockerfileParser.Parse("# hello\n# escape=`\nFROM a:1\n# syntax=x\n");

        Assert.Empty(document.Directives);
        Assert.Equal('\\', document.EscapeCharacter);
        Assert.Equal(3, document.Comments.Count);
    }

    [Theory]
    [InlineData("CMD [\"dotnet\", \"App.dll\"]", InstructionForm.Exec)]
    [InlineData("CMD [ \"a\" , \"b\\\"c\" ]", InstructionForm.Exec)]
    [InlineData("CMD []", InstructionForm.Exec)]
    [InlineData("CMD ['a']", InstructionForm.Shell)]
    [InlineData("CMD [\"a\"] extra", InstructionForm.Shell)]
    [InlineData("CMD dotnet App.dll", InstructionForm.Shell)]
    [InlineData("ENV A=[\"x\"]", InstructionForm.None)]
    public void TellsExecFromShellForm(string line, InstructionForm form) =>
        Assert.Equal(form, DockerfileParser.Parse("FROM a:1\n" + line + "\n").Instructions[1].Form);

    [Fact]
    public void ReadsExecArguments() =>
        Assert.Equal(new[] { "a", "b\"c" }, DockerfileParser.Parse("CMD [ \"a\" , \"b\\\"c\" ]").Instructions[0].ExecArguments);

    [Fact]
    public void ReadsHeredocs()
    {
        var document = DockerfileParser.Parse("FROM a:1\nRUN <<EOF bash\nset -e\necho hi\nEOF\nCOPY <<-'A' /a <<B /b\n\tone\n\tA\ntwo\nB\nUSER app\n");

        var run = document.Instructions[1];
        var heredoc = Assert.Single(run.Heredocs);
        Assert.Equal("EOF", heredoc.Delimiter);
        Assert.Equal("set -e\necho hi", heredoc.Content);
        Assert.Equal(5, run.End.Line);
        var copy = document.Instructions[2];
        Assert.Equal(new[] { "A", "B" }, copy.Heredocs.Select(h => h.Delimiter));
        Assert.Equal("one", copy.Heredocs[0].Content);
        Assert.Equal("two", copy.Heredocs[1].Content);
        Assert.Equal(10, copy.End.Line);
        Assert.Equal("USER", document.Instructions[3].Name);
    }

    [Fact]
    public void QuotedHeredocMarkerIsText()
    {
        var document = DockerfileParser.Parse("FROM a:1\nRUN echo \"<<EOF\" > /x\nRUN echo ok\n");

        Assert.Empty(document.Instructions[1].Heredocs);
        Assert.Equal(3, document.Instructions.Count);
    }

    [Fact]
    public void UnterminatedHeredocRunsToTheEnd()
    {
        var document = DockerfileParser.Parse("FROM a:1\nRUN <<EOF\necho hi\n");

        Assert.False(document.Instructions[1].Heredocs[0].Terminated);
        Assert.Equal(3, document.Instructions[1].End.Line);
    }

    [Fact]
    public void ExpandsGlobalArgsInFrom()
    {
        var document = DockerfileParser.Parse("ARG REGISTRY=mcr.microsoft.com\nARG TAG=10.0\nARG UNSET\nFROM ${REGISTRY}/dotnet/sdk:$TAG AS build\nFROM $UNSET/x:${TAG:-1}\nFROM build\n");

        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", document.Stages[0].ExpandedBaseImage);
        Assert.Equal("$UNSET/x:10.0", document.Stages[1].ExpandedBaseImage);
        Assert.Equal(3, document.GlobalArgs.Count());
        Assert.Equal(-1, document.Instructions[0].StageIndex);
        Assert.Equal(2, document.Instructions[^1].StageIndex);
        Assert.Same(document.Stages[0], document.FindStage("BUILD"));
    }

    [Fact]
    public void KeepsCrLfFilesApart()
    {
        var document = DockerfileParser.Parse("FROM a:1\r\nRUN a \\\r\n  b\r\nCMD [\"x\"]\r\n");

        Assert.Equal(3, document.Instructions.Count);
        Assert.Equal("a   b", document.Instructions[1].ArgumentText);
        Assert.Equal(InstructionForm.Exec, document.Instructions[2].Form);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\\")]
    [InlineData("FROM")]
    [InlineData("RUN <<")]
    [InlineData("FROM a \\")]
    [InlineData("COPY --")]
    [InlineData("# escape=`\n`")]
    [InlineData("\0\u2028\uFFFF")]
    public void NeverThrows(string text) => Assert.NotNull(DockerfileParser.Parse(text));

    [Fact]
    public void FindsVariableReferences()
    {
        var references = ShellWords.References("a $HOME ${APP_DIR:-/app}/x \\$NOT ${1} $$ end$");

        Assert.Equal(new[] { ("HOME", 2), ("APP_DIR", 8) }, references);
    }

    [Fact]
    public void ExpandsKnownVariablesAndKeepsUnknownOnes() =>
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0-$OS ${MISSING}", ShellWords.Expand("${REGISTRY}/dotnet/sdk:${TAG:-8.0}-$OS ${MISSING}", name => name switch { "REGISTRY" => "mcr.microsoft.com", "TAG" => "10.0", _ => null }));
}

/// <summary>ONBUILD triggers and the lines BuildKit warns about while reading.</summary>
public sealed class OnBuildAndContinuationTests
{
    [Fact]
    public void ReadsTheInstructionAnOnbuildCarriesAtItsOwnPosition()
    {
        var document = DockerfileParser.Parse("FROM alpine:3.20\nONBUILD RUN --mount=type=cache,target=/x sudo apk add curl\n");

        var onbuild = document.Instructions[1];
        var trigger = Assert.IsType<Instruction>(onbuild.Trigger);
        Assert.Equal("RUN", trigger.Name);
        Assert.Equal(new TextPosition(2, 9), trigger.Start);
        Assert.Equal("mount", trigger.Flags[0].Name);
        Assert.Equal(new TextPosition(2, 13), trigger.Flags[0].Start);
        Assert.Equal("sudo apk add curl", trigger.ArgumentText);
        Assert.Equal(0, trigger.StageIndex);
        Assert.Equal(new[] { "FROM", "ONBUILD", "RUN" }, document.EveryInstruction.Select(i => i.Name));
        Assert.Equal(2, document.Instructions.Count);
    }

    [Fact]
    public void AnOnbuildFromDoesNotStartAStage()
    {
        var document = DockerfileParser.Parse("FROM alpine:3.20\nONBUILD FROM busybox\nRUN true\n");

        Assert.Single(document.Stages);
        Assert.Equal("FROM", document.Instructions[1].Trigger!.Name);
        Assert.Equal(0, document.Instructions[2].StageIndex);
    }

    [Fact]
    public void RemembersEmptyLinesInsideAContinuationButNotCommentLines()
    {
        var document = DockerfileParser.Parse("FROM alpine:3.20\nRUN apk add \\\n\n   curl \\\n# a comment\n   git\n");

        Assert.Equal(new[] { 3 }, document.EmptyContinuationLines);
        Assert.Equal("apk add    curl    git", document.Instructions[1].ArgumentText);
    }
}
