using System.Collections.Generic;
using DockerfileGen.Model;
using DockerfileGen.Rendering;

namespace DockerfileGen.Planning;

/// <summary>
/// Turns project facts into the multi-stage Dockerfile model. The order of the instructions is the point:
/// from least to most often changing, so a source edit reuses the restore layer, and only the publish
/// output reaches the final stage.
/// </summary>
public static class DockerfilePlanner
{
    /// <summary>Where the build stage publishes to, and where the final stage copies from.</summary>
    public const string PublishDirectory = "/app";

    /// <summary>The port ASP.NET Core images listen on since .NET 8 (<c>ASPNETCORE_HTTP_PORTS</c>).</summary>
    public const int AspNetCoreHttpPort = 8080;

    /// <summary>Builds the model. The caller has validated the facts and options.</summary>
    public static DockerfileModel Plan(ProjectFacts facts, GenerationOptions options, DotNetVersion version)
    {
        var sdk = BaseImageResolver.ResolveSdk(version);
        var runtime = BaseImageResolver.ResolveRuntime(facts, version);
        var project = ShellQuoting.Quote(facts.ProjectFile);

        // The SDK runs on the build machine's own platform and cross-compiles for TARGETARCH: no emulation.
        // Restore and publish get the same -a argument, or publish fails with NETSDK1047.
        var build = new Stage("build", sdk, "$BUILDPLATFORM", new[]
        {
            new Instruction("ARG", "TARGETARCH"),
            new Instruction("WORKDIR", "/src"),
            new Instruction("COPY", ExecForm.Json(facts.ProjectFile, "./")),
            new Instruction("RUN", $"dotnet restore {project} -a $TARGETARCH"),
            new Instruction("COPY", ". ."),
            new Instruction("RUN", $"dotnet publish {project} -c {options.Configuration} -a $TARGETARCH --no-restore -o {PublishDirectory}"),
        });

        var final = new List<Instruction> { new("WORKDIR", PublishDirectory) };
        if (facts.IsAspNetCore)
        {
            final.Add(new Instruction("EXPOSE", AspNetCoreHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // The app's files stay owned by root: the non-root user can run them but not change them.
        final.Add(new Instruction("COPY", $"--from=build {PublishDirectory} ."));

        // Explicit even where the image already defaults to it: scanners look for the instruction.
        final.Add(new Instruction("USER", "$APP_UID"));
        final.Add(new Instruction("ENTRYPOINT", facts.UseAppHost
            ? ExecForm.Json("./" + facts.AssemblyName)
            : ExecForm.Json("dotnet", facts.AssemblyName + ".dll")));

        var imageName = ImageNames.FromAssemblyName(facts.AssemblyName);
        var header = new List<string>
        {
            $"Build from this folder (BuildKit, the default since Docker 23; on 20.10 set DOCKER_BUILDKIT=1):",
            $"  docker build -t {imageName} -f {options.DockerfileName} .",
            facts.IsAspNetCore
                ? $"  docker run --rm -p {AspNetCoreHttpPort}:{AspNetCoreHttpPort} {imageName}"
                : $"  docker run --rm {imageName}",
        };

        return new DockerfileModel(header, new[] { build, new Stage("final", runtime, null, final) });
    }
}
