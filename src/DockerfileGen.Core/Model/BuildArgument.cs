namespace DockerfileGen.Model;

/// <summary>
/// A <c>DockerfileGenBuildArg</c> item: declared with <c>ARG</c> in the generated build stage, and passed with
/// <c>--build-arg NAME=VALUE</c> by the image build.
/// </summary>
/// <param name="Name">The <c>ARG</c> name in the Dockerfile.</param>
/// <param name="Value">Its value; passed as one argument, never through a shell.</param>
public sealed record BuildArgument(string Name, string Value)
{
    /// <summary>Its default in the generated Dockerfile (<c>ARG NAME="default"</c>); empty declares it without one.</summary>
    public string Default { get; init; } = "";
}
