using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2016Tests
{
    private const string Id = "DFG2016";
    private const string CopiesTheContext = "FROM alpine:3.20\nCOPY . /src\n";

    [Fact]
    public void Catches_MissingIgnoreFile() =>
        Assert.Contains("There is no .dockerignore", Lint.Catches(Id, CopiesTheContext, 2, Lint.WithContext(null)).Message);

    [Theory]
    [InlineData("bin/\nobj/\n", ".git")]
    [InlineData(".git\n**/bin\n.env\n.vs\n", "obj/")]
    [InlineData("# nothing\n", "bin/")]
    public void Catches_LeakyIgnoreFile(string ignoreFile, string leaked) =>
        Assert.Contains(leaked, Lint.Catches(Id, CopiesTheContext, 2, Lint.WithContext(ignoreFile)).Message);

    [Theory]
    [InlineData("*\n!src/\n")]
    [InlineData(".git\n**/bin/\n**/obj/\n.env\n.vs/\n")]
    public void DoesNotCatch_IgnoreFileThatKeepsTheBasicsOut(string ignoreFile) =>
        Lint.DoesNotCatch(Id, CopiesTheContext, Lint.WithContext(ignoreFile));

    [Fact]
    public void DoesNotCatch_DockerfileThatReadsNothingFromTheContext() =>
        Lint.DoesNotCatch(Id, "FROM alpine:3.20\nRUN true\nCOPY --from=alpine:3.20 /etc/os-release /x\n", Lint.WithContext(null));

    [Fact]
    public void DoesNotCatch_ContextWithoutAnyOfTheGuardedFiles()
    {
        var options = Lint.WithContext(null);
        options = options with { Context = options.Context! with { HasEntryNamed = name => name is "src" or "Program.cs" } };

        Lint.DoesNotCatch(Id, CopiesTheContext, options);
    }

    [Fact]
    public void Catches_OnlyTheGuardedFilesTheContextHas()
    {
        var options = Lint.WithContext("bin/\n");
        options = options with { Context = options.Context! with { HasEntryNamed = name => name is "obj" or "bin" } };

        var message = Lint.Catches(Id, CopiesTheContext, 2, options).Message;
        Assert.Contains("obj/", message);
        Assert.DoesNotContain(".git", message);
    }

    [Fact]
    public void DoesNotCatch_WithoutTheFactsItNeeds() => Lint.DoesNotCatch(Id, CopiesTheContext);
}
