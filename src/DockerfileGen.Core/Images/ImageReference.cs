using System.Text.RegularExpressions;

namespace DockerfileGen.Images;

/// <summary>A container image reference: <c>registry/repository:tag@digest</c>.</summary>
/// <param name="Registry">The registry host (and optional path prefix), for example <c>mcr.microsoft.com</c>; empty for Docker Hub.</param>
/// <param name="Repository">The repository path, for example <c>dotnet/aspnet</c>.</param>
/// <param name="Tag">The tag, for example <c>10.0</c>; empty when only a digest names the image.</param>
public sealed record ImageReference(string Registry, string Repository, string Tag)
{
    /// <summary>The registry that serves the official .NET images.</summary>
    public const string MicrosoftRegistry = "mcr.microsoft.com";

    // Docker's reference grammar, simplified only where it accepts more than a Dockerfile's FROM does.
    private static readonly Regex Component = new(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex Host = new(@"^(?:localhost|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]{1,5})?$", RegexOptions.CultureInvariant);
    private static readonly Regex TagPattern = new(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant);
    private static readonly Regex DigestPattern = new(@"^sha256:[a-f0-9]{64}$", RegexOptions.CultureInvariant);

    /// <summary>The content digest (<c>sha256:…</c>) that pins the image, or empty.</summary>
    public string Digest { get; init; } = "";

    /// <summary>An official .NET image (<c>sdk</c>, <c>aspnet</c>, <c>runtime</c>, <c>runtime-deps</c>).</summary>
    public static ImageReference DotNet(string flavor, string tag) => new(MicrosoftRegistry, "dotnet/" + flavor, tag);

    /// <summary>True for a digest Docker accepts in a reference: <c>sha256:</c> and 64 lower-case hex digits.</summary>
    public static bool IsDigest(string text) => DigestPattern.IsMatch(text);

    /// <summary>True for a tag Docker accepts: up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'.</summary>
    public static bool IsTag(string text) => TagPattern.IsMatch(text);

    /// <summary>True for one '/'-separated component of a repository path: lower case, digits and separators.</summary>
    public static bool IsPathComponent(string text) => Component.IsMatch(text);

    /// <summary>
    /// True for a registry host as the first component of a reference: it has a '.' or a ':' (a port), or is
    /// <c>localhost</c>; anything else there is read as part of the repository path.
    /// </summary>
    public static bool IsRegistryHost(string text) =>
        (text.IndexOf('.') >= 0 || text.IndexOf(':') >= 0 || text == "localhost") && Host.IsMatch(text);

    /// <summary>
    /// Reads a reference as a Dockerfile's <c>FROM</c> accepts it. The first path component is a registry when it
    /// has a '.' or a ':' or is <c>localhost</c>; a reference without a tag or digest is rejected, because an
    /// implicit <c>latest</c> is not a pinned image.
    /// </summary>
    public static bool TryParse(string text, out ImageReference reference)
    {
        reference = new ImageReference("", "", "");
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 255 || trimmed.IndexOfAny(new[] { ' ', '\t', '\n', '\r', '$' }) >= 0)
        {
            return false;
        }

        var parts = Split(trimmed);
        if ((parts.Digest is not null && !IsDigest(parts.Digest))
            || (parts.Tag is not null && !IsTag(parts.Tag))
            || (parts.Tag is null && parts.Digest is null)
            || (parts.Registry.Length > 0 && !IsRegistryHost(parts.Registry)))
        {
            return false;
        }

        foreach (var component in parts.Repository.Split('/'))
        {
            if (!IsPathComponent(component))
            {
                return false;
            }
        }

        reference = new ImageReference(parts.Registry, parts.Repository, parts.Tag ?? "") { Digest = parts.Digest ?? "" };
        return true;
    }

    /// <summary>
    /// Splits a reference into its parts as written, the way Docker reads one, without judging them: the digest
    /// after '@'; the tag after the last ':' that follows the last '/'; the first path component as the registry
    /// when it has a '.' or a ':' or is <c>localhost</c>. A part that is not written is null (an empty tag after
    /// ':' is empty, not null); an unwritten registry is empty. <see cref="TryParse"/> and
    /// <see cref="ImageName.Parse"/> both read references through this one grammar.
    /// </summary>
    public static (string Registry, string Repository, string? Tag, string? Digest) Split(string text)
    {
        var rest = text.Trim();
        string? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest.Substring(at + 1);
            rest = rest.Substring(0, at);
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest.Substring(colon + 1);
            rest = rest.Substring(0, colon);
        }

        var registry = "";
        var slash = rest.IndexOf('/');
        if (slash > 0)
        {
            var first = rest.Substring(0, slash);
            if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost")
            {
                registry = first;
                rest = rest.Substring(slash + 1);
            }
        }

        return (registry, rest, tag, digest);
    }

    /// <inheritdoc />
    public override string ToString() =>
        (Registry.Length > 0 ? Registry + "/" : "") + Repository
        + (Tag.Length > 0 ? ":" + Tag : "")
        + (Digest.Length > 0 ? "@" + Digest : "");
}
