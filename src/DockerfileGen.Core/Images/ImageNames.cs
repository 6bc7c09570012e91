using System.Text;

namespace DockerfileGen.Images;

/// <summary>Image names derived from project names.</summary>
public static class ImageNames
{
    /// <summary>
    /// The default repository name, as the SDK derives <c>ContainerRepository</c>: the assembly name in
    /// lower case, with characters Docker does not allow in a repository name replaced by '-'.
    /// </summary>
    public static string FromAssemblyName(string assemblyName)
    {
        var builder = new StringBuilder(assemblyName.Length);
        foreach (var ch in assemblyName.ToLowerInvariant())
        {
            var allowed = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
            builder.Append(allowed ? ch : '-');
        }

        // A repository name starts and ends with a letter or digit.
        var name = builder.ToString().Trim('.', '_', '-');
        return name.Length == 0 ? "app" : name;
    }
}
