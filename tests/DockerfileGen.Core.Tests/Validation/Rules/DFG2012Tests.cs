using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2012Tests
{
    private const string Id = "DFG2012";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nARG NUGET_AUTH_TOKEN\n", 2 },
        { "FROM alpine:3.20\nENV VSS_NUGET_EXTERNAL_FEED_ENDPOINTS={}\n", 2 },
        { "FROM alpine:3.20\nENV DB_PASSWORD=hunter2\n", 2 },
        { "ARG GITHUB_TOKEN\nFROM alpine:3.20\n", 1 },
        { "FROM alpine:3.20\nENV API_KEY abc\n", 2 },
        { "FROM alpine:3.20\nARG FEED_ACCESSKEY=1\n", 2 },
        { "FROM alpine:3.20\nARG AWS_ACCESS_KEY_ID\n", 2 },
        { "FROM alpine:3.20\nENV AWS_SECRET_ACCESS_KEY=x\n", 2 },
        { "FROM alpine:3.20\nARG SSH_PRIVATE_KEY\n", 2 },
        { "FROM alpine:3.20\nARG ENCRYPTION_KEY\n", 2 },
        { "FROM alpine:3.20\nENV NPM_AUTH=abc\n", 2 },
        { "FROM alpine:3.20\nONBUILD ARG NUGET_AUTH_TOKEN\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nARG TARGETARCH\nENV ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true\nENV PASSWORD_FILE=/run/secrets/db\nARG TOKEN_URL=https://example.com\nENV AUTHOR=me KEYBOARD=us PWD=/app\n",
        "FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nARG PUBLIC_KEY\nARG KEY_VAULT_NAME=v\nENV AUTH_URL=https://login.example\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_SecretLikeArgOrEnv(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_HarmlessNamesAndSecretFilePaths(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
