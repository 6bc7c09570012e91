namespace DockerfileGen.Testing;

/// <summary>Locations in the repository the tests run from.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DockerfileGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DockerfileGen.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding DockerfileGen.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The build/ folder that ships as the package's build/.</summary>
    public static string BuildFolder => Path.Combine(Root, "build");

    /// <summary>A sample project folder.</summary>
    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    /// <summary>The configuration the tests were built with (the package is packed with the same one).</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
