using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2040Tests
{
    private const string Id = "DFG2040";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM python:3.12\nRUN pip install -r requirements.txt\n", 2 },
        { "FROM python:3.12\nRUN pip3 install flask==3.0.0\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n",
        "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.0\n",
        "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.0\n",
        "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask==3.0.0\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_PipWithItsCache(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_NoCacheDirOrCacheMount(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
