namespace DockerfileGen.ImageBuild;

/// <summary>The command-line tools that can build an image from the generated Dockerfile.</summary>
public enum ContainerTool
{
    /// <summary>The Docker CLI (<c>docker build</c> with BuildKit).</summary>
    Docker,

    /// <summary>Podman (<c>podman build</c>, Buildah underneath); daemonless, same Dockerfile syntax.</summary>
    Podman,
}
