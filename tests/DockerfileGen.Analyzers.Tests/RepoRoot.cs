namespace DockerfileGen.Analyzers.Tests;

/// <summary>The repository root (the folder holding DockerfileGen.sln), found above the test's output folder.</summary>
internal static class RepoRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "DockerfileGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DockerfileGen.sln not found above " + AppContext.BaseDirectory);
    }
}
