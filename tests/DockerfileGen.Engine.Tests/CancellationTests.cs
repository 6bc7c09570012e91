using System.Text.RegularExpressions;
using System.Diagnostics;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>Ctrl+C during `dotnet publish -p:DockerfileGenBuildImage=true` ends the docker build it started.</summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class CancellationTests
{
    private readonly PackedPackage package;

    public CancellationTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void InterruptDuringTheImageBuildStopsDockerAndThePublish()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        Skip.If(OperatingSystem.IsWindows(), "sends SIGINT, as a terminal does on Ctrl+C");
        using var temp = new TempDirectory("dfg-engine");
        var directory = package.CopySample("WebApi", temp);
        var tag = "cancel-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        // A new source text: the publish step cannot come from the cache, so the build is still running when interrupted.
        var program = Path.Combine(directory, "Program.cs");
        File.WriteAllText(program, File.ReadAllText(program).Replace("Hello from a DockerfileGen image", "Hello from " + tag));

        // A step that outlasts the interrupt however fast publish is (its restore is a check against the NuGet cache mount):
        // the interrupt lands while it runs, whatever the delay of the build's output. The container's first process
        // ignores signals it has no handler for, so the step handles the ones a canceled build sends, as dotnet does.
        var project = Path.Combine(directory, "WebApi.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>",
            "  <ItemGroup>\n    <DockerfileGenInstruction Include=\"wait\" Instruction=\"RUN trap 'exit 143' TERM INT; sleep 300 &amp; wait\" Stage=\"build\" Point=\"AfterPublish\" />\n  </ItemGroup>\n</Project>"));

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", "-nodeReuse:false", "-nologo", "-p:DockerfileGenBuildImage=true", $"-p:DockerfileGenContainerToolPath={ContainerEngine.Docker}", "-p:ContainerRepository=dfg-test-cancel", $"-p:ContainerImageTag={tag}" }.Concat(package.FeedArguments))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["MSBUILDTERMINALLOGGER"] = "off";

        var output = new System.Text.StringBuilder();
        using var publishStepStarted = new ManualResetEventSlim();
        using var process = new Process { StartInfo = info };
        void Receive(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains("] RUN trap 'exit 143' TERM INT; sleep 300 & wait", StringComparison.Ordinal))
            {
                publishStepStarted.Set();
            }
        }

        process.OutputDataReceived += Receive;
        process.ErrorDataReceived += Receive;
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Assert.True(publishStepStarted.Wait(TimeSpan.FromMinutes(5)), "the image build never reached the step after publish:\n" + output);
            Assert.True(DockerBuildsFor(tag).Count > 0, "no docker build process for the image while its build runs");

            ProcessRunner.Run("kill", new[] { "-INT", process.Id.ToString() }, directory).EnsureSuccess("kill -INT");
            var stopwatch = Stopwatch.StartNew();

            Assert.True(process.WaitForExit(60_000), "dotnet publish still runs a minute after the interrupt:\n" + output);
            Assert.True(process.ExitCode != 0, "dotnet publish succeeded though it was interrupted:\n" + output);
            Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
            // The task's "image build canceled; docker was stopped." is not asserted: MSBuild may end its loggers before a
            // canceled task's last message reaches them. What the user relies on is below: no build left running, no image.
            Assert.Empty(DockerBuildsFor(tag));
            Assert.NotEqual(0, ContainerEngine.Run(directory, "image", "inspect", "dfg-test-cancel:" + tag).ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            ContainerEngine.Run(temp.Path, "rmi", "-f", "dfg-test-cancel:" + tag);
        }
    }

    /// <summary>The PIDs of docker CLI processes whose command line names the tag.</summary>
    private static List<int> DockerBuildsFor(string tag)
    {
        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.StartsWith(ContainerEngine.Docker + " build", StringComparison.Ordinal) && commandLine.Contains(tag, StringComparison.Ordinal))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return pids;
    }
}
