namespace DockerfileGen.Testing;

/// <summary>
/// Runs the dotnet CLI for tests that build real projects: out of process, no node reuse (a reused MSBuild
/// node would keep the task assembly loaded), no build server, no terminal logger.
/// </summary>
public static class DotNet
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["MSBUILDTERMINALLOGGER"] = "off",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    /// <summary>Runs <c>dotnet</c> with the arguments in <paramref name="workingDirectory"/>.</summary>
    public static ProcessResult Run(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, TimeSpan.FromMinutes(8), Environment);

    /// <summary><c>dotnet build</c> with node reuse off and the given extra arguments.</summary>
    public static ProcessResult Build(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, new[] { "build", "-nodeReuse:false", "-nologo" }.Concat(arguments).ToArray());
}
