using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2039Tests
{
    private const string Id = "DFG2039";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM python:3.12\nRUN pip install --no-cache-dir requests\n", 2 },
        { "FROM node:22\nRUN npm install -g typescript @angular/cli@19\n", 2 },
        { "FROM python:3.12\nRUN python3 -m pip install flask\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM python:3.12\nRUN pip install --no-cache-dir requests==2.32.3 'flask>=3' -r requirements.txt .\nRUN pip install --no-cache-dir ./wheels/app.whl git+https://example.com/x.git\n",
        "FROM node:22\nRUN npm install\nRUN npm ci\nRUN npm install -g typescript@5.6.3 @angular/cli@19.0.0 ./local expressjs/express\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_UnpinnedPipOrNpmPackages(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_PinnedOrLockFile(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
