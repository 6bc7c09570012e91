namespace DockerfileGen.Model;

/// <summary>The user's choices, from <c>DockerfileGen*</c> properties.</summary>
public sealed record GenerationOptions
{
    /// <summary>The file name of the Dockerfile, written in the project folder.</summary>
    public string DockerfileName { get; init; } = "Dockerfile";

    /// <summary>The configuration passed to <c>dotnet publish -c</c>.</summary>
    public string Configuration { get; init; } = "Release";
}
