using DockerfileGen.Model;

namespace DockerfileGen.Planning;

/// <summary>
/// Picks the build and runtime images the same way the .NET SDK's <c>PublishContainer</c> does, so a
/// project gets the same base image from DockerfileGen and from <c>dotnet publish /t:PublishContainer</c>.
/// </summary>
public static class BaseImageResolver
{
    /// <summary>The SDK image that builds the project: the target framework's version.</summary>
    public static ImageReference ResolveSdk(DotNetVersion version) => ImageReference.DotNet("sdk", version.ToString());

    /// <summary>
    /// The runtime image: <c>aspnet</c> for a project that references the ASP.NET Core shared framework,
    /// <c>runtime</c> otherwise; the tag is the target framework's version.
    /// </summary>
    public static ImageReference ResolveRuntime(ProjectFacts facts, DotNetVersion version) =>
        ImageReference.DotNet(facts.IsAspNetCore ? "aspnet" : "runtime", version.ToString());
}
