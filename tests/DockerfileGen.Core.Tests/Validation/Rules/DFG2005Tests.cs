using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2005Tests
{
    private const string Id = "DFG2005";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nADD app.dll /app/\n", 2 },
        { "FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n", 2 },
        { "FROM alpine:3.20\nADD [\"a b.json\", \"/app/\"]\n", 2 },
        { "FROM alpine:3.20\nADD tools.zip /opt/\n", 2 },
        { "FROM alpine:3.20\nONBUILD ADD app.json /app/\n", 2 },
        { "FROM alpine:3.20\nARG CONFIG=app.json\nADD $CONFIG /app/\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nCOPY app.dll /app/\nADD rootfs.tar.gz /\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /a\nADD https://github.com/moby/buildkit.git#v0.14 /src\n",
        "FROM alpine:3.20\nADD rootfs.tar.xz /\nADD data.tbz2 /data/\nADD layer.tar.zst /\nADD bundle.gz /b/\nADD legacy.tar.Z /l/\n",
        "FROM alpine:3.20\nARG ARCHIVE\nADD $ARCHIVE /opt/\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_AddOfLocalFileOrUnverifiedDownload(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_CopyArchivesAndVerifiedDownloads(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
