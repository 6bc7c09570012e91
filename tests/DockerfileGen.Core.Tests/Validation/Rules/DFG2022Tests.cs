using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2022Tests
{
    private const string Id = "DFG2022";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nENV ConnectionStrings__Default=\"Server=db;Password=hunter2\"\n", 2 },
        { "FROM alpine:3.20\nENV ConnectionStrings__Default=\"Server=db;User Id=sa;pwd=hunter2;\"\n", 2 },
        { "FROM alpine:3.20\nENV Storage=\"DefaultEndpointsProtocol=https;AccountName=x;AccountKey=c2VjcmV0\"\n", 2 },
        { "FROM alpine:3.20\nARG FEED=https://build:s3cret@pkgs.example.com/v3/index.json\n", 2 },
        { "FROM alpine:3.20\nENV Webhook=https://hooks.example.com/x?access_token=abcdef\n", 2 },
        { "FROM alpine:3.20\nENV Blob=\"https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=AbC%2Bd\"\n", 2 },
        { "FROM alpine:3.20\nLABEL com.example.deploy=\"https://deploy:hunter2@ci.example.com\"\n", 2 },
        { "FROM alpine:3.20\nENV GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n", 2 },
        { "FROM alpine:3.20\nENV Legacy Server=db;Password=hunter2\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nENV ConnectionStrings__Default=\"Server=db;Database=orders;Integrated Security=true\"\n",
        "FROM alpine:3.20\nENV ConnectionStrings__Default=\"Server=db;Password=${DB_PASSWORD}\"\n",
        "FROM alpine:3.20\nENV ConnectionStrings__Default=\"Server=db;Password=;\"\n",
        "FROM alpine:3.20\nENV Feed=https://pkgs.example.com/v3/index.json?tokens=list\n",
        "FROM alpine:3.20\nLABEL org.opencontainers.image.source=\"https://github.com/example/app\"\n",
        "FROM alpine:3.20\nARG FEED_URL=https://build:$FEED_PASSWORD@pkgs.example.com\n",
        // A secret-looking name is DFG2012's finding: one finding for one secret.
        "FROM alpine:3.20\nENV DB_PASSWORD=\"Password=hunter2\"\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ASecretInAValue(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_ValuesWithoutSecrets(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);

    [Fact]
    public void TheMessageNeverRepeatsTheSecret()
    {
        var finding = Lint.Catches(Id, "FROM alpine:3.20\nENV ConnectionStrings__Default=\"Server=db;Password=hunter2\"\n", 2);

        Assert.DoesNotContain("hunter2", finding.Message);
        Assert.Contains("ConnectionStrings__Default has a connection string's password", finding.Message);
    }
}
