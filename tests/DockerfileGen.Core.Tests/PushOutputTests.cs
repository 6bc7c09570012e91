using DockerfileGen.ImageBuild;

namespace DockerfileGen.Core.Tests;

/// <summary>Reading docker's and podman's push output (as they print it without a terminal): what moved, and why a push failed.</summary>
public sealed class PushOutputTests
{
    [Fact]
    public void DockerCountsPushedLayersAgainstTheOnesTheRegistryHadOrMounted()
    {
        var output = new[]
        {
            "The push refers to repository [127.0.0.1:5055/dfg-test/webapi]",
            "5f70bf18a086: Preparing",
            "a1b2c3d4e5f6: Preparing",
            "0123456789ab: Preparing",
            "4288eb91f8dd: Preparing",
            "a1b2c3d4e5f6: Waiting",
            "5f70bf18a086: Pushed",
            "a1b2c3d4e5f6: Layer already exists",
            "0123456789ab: Mounted from dfg-test/other",
            "4288eb91f8dd: Layer already exists",
            "t2: digest: sha256:d7e2c414d457a5594c8190b6507d2dfa4919be02b0828a396092c903e945a2ca size: 1165",
        };

        var count = PushOutput.Count(ContainerTool.Docker, output);

        Assert.Equal(new PushCount(4, 1, 3), count);
        Assert.Equal("1 layer uploaded, 3 already in 127.0.0.1:5055", PushOutput.Describe(ContainerTool.Docker, "127.0.0.1:5055", count));
    }

    [Fact]
    public void PodmanThatDoesNotSayWhichBlobsItSkippedIsCountedAsLayersOnly()
    {
        // podman 4.3 without a terminal: the same line for a blob it sends and one the registry has.
        var output = new[]
        {
            "Getting image source signatures",
            "Copying blob sha256:a59a61e5e917c99ce86f046d5421564681ce9c6c41d160a536d6b71634930169",
            "Copying blob sha256:3480f5dd3dc7bb0b132d5db2ea4c18dcad057fdc38c15f9c15721bcdbbc3151d",
            "Copying config sha256:428970aefe65b2cca851d4782a422980bb3d5c87313124ff1d596e6089ede69d",
            "Writing manifest to image destination",
            "Storing signatures",
        };

        var count = PushOutput.Count(ContainerTool.Podman, output);

        Assert.Equal(new PushCount(2, null, null), count);
        Assert.Equal("2 layers; podman does not say which of them reg.example.test already had", PushOutput.Describe(ContainerTool.Podman, "reg.example.test", count));
    }

    [Fact]
    public void PodmanThatSaysItSkippedABlobIsCountedLikeDocker()
    {
        var output = new[]
        {
            "Copying blob a59a61e5e917 skipped: already exists",
            "Copying blob 3480f5dd3dc7 done",
            "Copying blob 5e2ba3c2d9f1 skipped: already exists",
        };

        Assert.Equal(new PushCount(3, 1, 2), PushOutput.Count(ContainerTool.Podman, output));
    }

    [Theory]
    [InlineData("Get \"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused", "Nothing answers as a registry at 127.0.0.1:1")]
    [InlineData("Get \"https://nosuchhost.invalid:5000/v2/\": dial tcp: lookup nosuchhost.invalid on 10.0.0.53:53: no such host", "Nothing answers as a registry at 127.0.0.1:1")]
    [InlineData("unauthorized: authentication required", "'docker login 127.0.0.1:1'")]
    [InlineData("denied: requested access to the resource is denied", "'docker login 127.0.0.1:1'")]
    [InlineData("Get \"https://127.0.0.1:1/v2/\": http: server gave HTTP response to HTTPS client", "\"insecure-registries\"")]
    [InlineData("Get \"https://127.0.0.1:1/v2/\": x509: certificate signed by unknown authority", "/etc/docker/certs.d/127.0.0.1:1/ca.crt")]
    [InlineData("received unexpected HTTP status: 500 Internal Server Error", "The push output above says more")]
    public void TheRemedyFollowsTheCauseTheOutputNames(string line, string expected)
    {
        var output = new[] { "The push refers to repository [127.0.0.1:1/webapi]", line };

        Assert.Contains(expected, PushOutput.Remedy(ContainerTool.Docker, "127.0.0.1:1", output));
        Assert.Equal(line, PushOutput.Detail(output));
    }

    [Fact]
    public void APlainHttpRegistryIsNamedAsSuchThoughTheMessageAlsoPingsIt()
    {
        var output = new[]
        {
            "Copying blob sha256:dc4c1d448506d0cb57d6d2310d736e420ef6d83b1e6e67670de0b790c4463031",
            "Error: trying to reuse blob sha256:dc4c1d448506 at destination: pinging container registry 127.0.0.1:5055: Get \"https://127.0.0.1:5055/v2/\": http: server gave HTTP response to HTTPS client",
        };

        var remedy = PushOutput.Remedy(ContainerTool.Podman, "127.0.0.1:5055", output);

        Assert.Contains("insecure = true", remedy);
        Assert.Contains("does not turn TLS verification off", remedy);
        Assert.StartsWith("Error: trying to reuse blob", PushOutput.Detail(output));
    }
}
