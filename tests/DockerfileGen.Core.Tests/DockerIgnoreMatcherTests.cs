using DockerfileGen.Ignore;

namespace DockerfileGen.Core.Tests;

public sealed class DockerIgnoreMatcherTests
{
    [Theory]
    [InlineData("bin", "bin/Debug/a.dll", true)]
    [InlineData("bin", "src/bin/a.dll", false)]
    [InlineData("**/bin", "src/bin/a.dll", true)]
    [InlineData("**/bin", "bin/a.dll", true)]
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/README.md", false)]
    [InlineData("**/*.md", "docs/README.md", true)]
    [InlineData("docs/**", "docs/a/b/c.txt", true)]
    [InlineData("/bin/", "bin/x", true)]
    [InlineData("./bin", "bin/x", true)]
    [InlineData("a/../bin", "bin/x", true)]
    [InlineData("?.txt", "a.txt", true)]
    [InlineData("?.txt", "ab.txt", false)]
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[a-c].txt", "d.txt", false)]
    [InlineData("[^a-c].txt", "d.txt", true)]
    [InlineData("[!a-c].txt", "d.txt", false)]
    [InlineData("[!a-c].txt", "!.txt", true)]
    [InlineData("file.txt", "file_txt", false)]
    [InlineData("\\*.txt", "*.txt", true)]
    [InlineData("\\*.txt", "a.txt", false)]
    [InlineData("# comment", "# comment", false)]
    public void MatchesLikeDocker(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnoreMatcher.Parse(pattern).IsExcluded(path));

    [Fact]
    public void LastMatchWins()
    {
        var matcher = DockerIgnoreMatcher.Parse("*\n!src\nsrc/obj\n!src/obj/keep.txt\n");

        Assert.True(matcher.IsExcluded("README.md"));
        Assert.False(matcher.IsExcluded("src/Program.cs"));
        Assert.True(matcher.IsExcluded("src/obj/project.assets.json"));
        Assert.False(matcher.IsExcluded("src/obj/keep.txt"));
    }

    [Fact]
    public void SkipsBlankLinesAndTrimsPatterns()
    {
        var matcher = DockerIgnoreMatcher.Parse("\n   \n  bin  \n ! bin/keep \n");

        Assert.True(matcher.IsExcluded("bin/a"));
        Assert.False(matcher.IsExcluded("bin/keep"));
    }

    [Fact]
    public void MalformedPatternIsReportedAndMatchesNothing()
    {
        var matcher = DockerIgnoreMatcher.Parse("[abc\nbin\n");

        Assert.Equal(new[] { "[abc" }, matcher.InvalidPatterns);
        Assert.True(matcher.IsExcluded("bin/x"));
        Assert.False(matcher.IsExcluded("[abc"));
    }

    [Theory]
    [InlineData("a/b/../c", "a/c")]
    [InlineData("./a//b/", "a/b")]
    [InlineData("../a", "../a")]
    [InlineData("/../a", "/a")]
    [InlineData("", ".")]
    [InlineData(".", ".")]
    public void CleansPathsLikeGo(string path, string expected) => Assert.Equal(expected, PathCleaner.Clean(path));
}
