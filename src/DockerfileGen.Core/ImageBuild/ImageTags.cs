using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;
using DockerfileGen.Images;

namespace DockerfileGen.ImageBuild;

/// <summary>The image references (<c>repository:tag</c>) an image build applies, from the SDK's container properties.</summary>
public static class ImageTags
{
    /// <summary>
    /// <c>ContainerRepository</c> (default: the lowercased assembly name) combined with every tag of
    /// <c>ContainerImageTags</c>, else <c>ContainerImageTag</c>, else the version, each behind
    /// <c>ContainerRegistry</c> when it is set (the name <c>docker push</c> reads the registry from); an error for
    /// a name Docker would reject, so the build fails before the engine is asked.
    /// </summary>
    public static IReadOnlyList<string> Resolve(ImageBuildRequest request, out Diagnostic? error)
    {
        error = null;
        var registry = request.Registry.Trim();
        if (registry.Length > 0 && !ImageReference.IsRegistryHost(registry))
        {
            error = DiagnosticCatalog.InvalidRegistry(registry);
            return Array.Empty<string>();
        }

        var repository = request.Repository.Trim();
        if (repository.Length == 0)
        {
            repository = ImageNames.FromAssemblyName(request.AssemblyName);
        }

        if (!IsRepository(repository))
        {
            error = DiagnosticCatalog.InvalidImageName("ContainerRepository", repository);
            return Array.Empty<string>();
        }

        var tags = new List<string>(ContainerPlatforms.Split(request.Tags));
        if (tags.Count == 0)
        {
            var single = request.Tag.Trim();
            tags.Add(single.Length > 0 ? single : request.Version.Trim());
        }

        var references = new List<string>();
        foreach (var tag in tags)
        {
            if (!ImageReference.IsTag(tag))
            {
                error = DiagnosticCatalog.InvalidImageName("image tag", tag);
                return Array.Empty<string>();
            }

            var reference = (registry.Length > 0 ? registry + "/" : "") + repository + ":" + tag;
            if (!references.Contains(reference))
            {
                references.Add(reference);
            }
        }

        return references;
    }

    /// <summary>Whether Docker accepts the text as a repository name.</summary>
    public static bool IsRepository(string repository)
    {
        var parts = repository.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var hostAllowed = i == 0 && parts.Length > 1;
            if (!ImageReference.IsPathComponent(parts[i]) && !(hostAllowed && ImageReference.IsRegistryHost(parts[i])))
            {
                return false;
            }
        }

        return repository.Length <= 255;
    }
}
