namespace DockerfileGen.Model;

/// <summary>A container image reference: <c>registry/repository:tag</c>.</summary>
/// <param name="Registry">The registry host, for example <c>mcr.microsoft.com</c>.</param>
/// <param name="Repository">The repository path, for example <c>dotnet/aspnet</c>.</param>
/// <param name="Tag">The tag, for example <c>10.0</c>.</param>
public sealed record ImageReference(string Registry, string Repository, string Tag)
{
    /// <summary>The registry that serves the official .NET images.</summary>
    public const string MicrosoftRegistry = "mcr.microsoft.com";

    /// <summary>An official .NET image (<c>sdk</c>, <c>aspnet</c>, <c>runtime</c>, <c>runtime-deps</c>).</summary>
    public static ImageReference DotNet(string flavor, string tag) => new(MicrosoftRegistry, "dotnet/" + flavor, tag);

    /// <inheritdoc />
    public override string ToString() => $"{Registry}/{Repository}:{Tag}";
}
