using System.Collections.Generic;

namespace DockerfileGen.Model;

/// <summary>A name and a value, as MSBuild items carry them (<c>Include</c> and <c>Value</c> metadata).</summary>
/// <param name="Name">The item's <c>Include</c>.</param>
/// <param name="Value">The item's <c>Value</c> metadata.</param>
public sealed record NamedValue(string Name, string Value);

/// <summary>A <c>ContainerPort</c> item: the port number and its protocol, as written by the user.</summary>
/// <param name="Number">The port, for example <c>8080</c>.</param>
/// <param name="Type">The protocol, <c>tcp</c> or <c>udp</c>; empty means tcp.</param>
public sealed record ContainerPortSpec(string Number, string Type);

/// <summary>
/// The .NET SDK's container properties and items, read where they mean the same thing for a Dockerfile as
/// for <c>dotnet publish /t:PublishContainer</c>. Values are raw, as written in the project; Core checks them.
/// </summary>
public sealed record ContainerSettings
{
    /// <summary><c>ContainerBaseImage</c>: the final stage's image, used as given.</summary>
    public string BaseImage { get; init; } = "";

    /// <summary><c>ContainerFamily</c>: appended to the version tag (<c>noble-chiseled</c>, <c>alpine</c>, ...).</summary>
    public string Family { get; init; } = "";

    /// <summary><c>ContainerRuntimeIdentifiers</c> (or <c>ContainerRuntimeIdentifier</c>, or <c>RuntimeIdentifier</c>).</summary>
    public IReadOnlyList<string> RuntimeIdentifiers { get; init; } = new string[0];

    /// <summary><c>ContainerPort</c> items.</summary>
    public IReadOnlyList<ContainerPortSpec> Ports { get; init; } = new ContainerPortSpec[0];

    /// <summary><c>ContainerEnvironmentVariable</c> items.</summary>
    public IReadOnlyList<NamedValue> EnvironmentVariables { get; init; } = new NamedValue[0];

    /// <summary><c>ContainerLabel</c> items.</summary>
    public IReadOnlyList<NamedValue> Labels { get; init; } = new NamedValue[0];

    /// <summary><c>ContainerUser</c>: the user the app runs as; empty means the image's <c>app</c> user.</summary>
    public string User { get; init; } = "";

    /// <summary><c>ContainerWorkingDirectory</c>: where the app is copied and runs; empty means <c>/app</c>.</summary>
    public string WorkingDirectory { get; init; } = "";

    /// <summary><c>ContainerAppCommand</c> items: the command that starts the app; empty means the app itself.</summary>
    public IReadOnlyList<string> AppCommand { get; init; } = new string[0];

    /// <summary><c>ContainerAppCommandArgs</c> items: arguments always passed to the app command.</summary>
    public IReadOnlyList<string> AppCommandArgs { get; init; } = new string[0];

    /// <summary><c>ContainerDefaultArgs</c> items: arguments a <c>docker run</c> command line replaces.</summary>
    public IReadOnlyList<string> DefaultArgs { get; init; } = new string[0];

    /// <summary><c>ContainerAppCommandInstruction</c>: <c>Entrypoint</c> (default), <c>Cmd</c> or <c>DefaultArgs</c>.</summary>
    public string AppCommandInstruction { get; init; } = "";
}

/// <summary>The project's package metadata, which becomes the image's OCI labels.</summary>
public sealed record ProjectMetadata
{
    /// <summary><c>Title</c>; the assembly name when empty.</summary>
    public string Title { get; init; } = "";

    /// <summary><c>Description</c>.</summary>
    public string Description { get; init; } = "";

    /// <summary><c>Authors</c>.</summary>
    public string Authors { get; init; } = "";

    /// <summary><c>RepositoryUrl</c>: the source the image was built from.</summary>
    public string RepositoryUrl { get; init; } = "";

    /// <summary><c>PackageProjectUrl</c>.</summary>
    public string ProjectUrl { get; init; } = "";

    /// <summary><c>PackageLicenseExpression</c>.</summary>
    public string License { get; init; } = "";
}
