using System.Collections.Generic;
using System.Linq;
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

    /// <summary>Where the build context is copied to in the build stage.</summary>
    public const string SourceDirectory = "/src";

    /// <summary>The port ASP.NET Core images listen on since .NET 8 (<c>ASPNETCORE_HTTP_PORTS</c>).</summary>
    public const int AspNetCoreHttpPort = 8080;

    /// <summary>Builds the model. The caller has validated the facts and options.</summary>
    public static DockerfileModel Plan(ProjectFacts facts, GenerationOptions options, DotNetVersion version, BuildContext context)
    {
        var sdk = BaseImageResolver.ResolveSdk(version);
        var runtime = BaseImageResolver.ResolveRuntime(facts, version);
        var project = ShellQuoting.Quote(context.AppProject);

        // The SDK runs on the build machine's own platform and cross-compiles for TARGETARCH: no emulation.
        var build = new List<Instruction>
        {
            new("ARG", "TARGETARCH"),
            new("WORKDIR", SourceDirectory),
        };

        // Restore layer: only what restore reads, build files first, so a source edit reuses it.
        build.AddRange(CopyByDirectory(context.BuildFiles));
        build.AddRange(CopyByDirectory(context.ProjectFiles));

        // Restore and publish get the same -a argument, or publish fails with NETSDK1047. A credentialed
        // NuGet.config is mounted for this one step and never becomes part of a layer.
        var mounts = string.Concat(context.Secrets.Select(s => $"--mount=type=secret,id={s.Id},target={SourceDirectory}/{s.Path} "));
        build.Add(new Instruction("RUN", $"{mounts}dotnet restore {project} -a $TARGETARCH{(context.LockedMode ? " --locked-mode" : "")}"));

        // Source layer.
        if (context.IsWholeContextCopied)
        {
            build.Add(new Instruction("COPY", ". ."));
        }
        else
        {
            build.AddRange(context.ProjectDirectories.Select(d => new Instruction("COPY", ExecForm.Json(d + "/", d + "/"))));
            build.AddRange(CopyByDirectory(context.LinkedFiles));
        }

        build.Add(new Instruction("RUN", $"dotnet publish {project} -c {options.Configuration} -a $TARGETARCH --no-restore -o {PublishDirectory}"));

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

        return new DockerfileModel(Header(facts, options, context), new[]
        {
            new Stage("build", sdk, "$BUILDPLATFORM", build),
            new Stage("final", runtime, null, final),
        });
    }

    private static List<string> Header(ProjectFacts facts, GenerationOptions options, BuildContext context)
    {
        var imageName = ImageNames.FromAssemblyName(facts.AssemblyName);
        var dockerfile = context.IsProjectFolder ? options.DockerfileName : context.AppDirectory + "/" + options.DockerfileName;
        var secrets = string.Concat(context.Secrets.Select(s => $" --secret id={s.Id},src={ShellQuoting.Quote(s.Path)}"));
        var from = context.IsProjectFolder
            ? "this folder"
            : $"{string.Concat(Enumerable.Repeat("../", context.AppDirectory.Split('/').Length)).TrimEnd('/')} (the build context)";
        return new List<string>
        {
            $"Build from {from} with BuildKit (the default since Docker 23; on 20.10 set DOCKER_BUILDKIT=1):",
            $"  docker build -t {imageName} -f {ShellQuoting.Quote(dockerfile)}{secrets} .",
            facts.IsAspNetCore
                ? $"  docker run --rm -p {AspNetCoreHttpPort}:{AspNetCoreHttpPort} {imageName}"
                : $"  docker run --rm {imageName}",
        };
    }

    // One COPY per folder, sources in order: COPY ["a/x", "a/y", "a/"].
    private static IEnumerable<Instruction> CopyByDirectory(IReadOnlyList<string> files) =>
        files.GroupBy(f => f.LastIndexOf('/') < 0 ? "" : f.Substring(0, f.LastIndexOf('/')))
            .Select(group => new Instruction("COPY", ExecForm.Json(group.Concat(new[] { group.Key.Length == 0 ? "./" : group.Key + "/" }).ToArray())));
}
