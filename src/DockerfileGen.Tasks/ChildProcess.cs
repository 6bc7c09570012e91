using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Threading;
using DockerfileGen.ImageBuild;

namespace DockerfileGen.Tasks;

/// <summary>How a child process ended.</summary>
internal enum ChildProcessOutcome
{
    Exited,
    TimedOut,
    Canceled,
}

/// <summary>
/// Runs a tool and hands each line of its output (stdout and stderr, interleaved as they arrive) to the
/// caller's thread as it is written, so a task can log it while the tool runs. On a timeout or a cancel it
/// kills the tool and everything the tool started.
/// </summary>
internal static class ChildProcess
{
    // Process.Kill(bool entireProcessTree) exists from .NET Core 3.0 on, which is what runs MSBuild under the
    // dotnet CLI; netstandard2.0 cannot call it directly. Without it only the tool itself is killed.
    private static readonly MethodInfo? KillTree = typeof(Process).GetMethod("Kill", new[] { typeof(bool) });

    public static ChildProcessOutcome Run(
        string fileName,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        CancellationToken cancellation,
        Action<string> onLine,
        out int exitCode)
    {
        exitCode = -1;
        var info = new ProcessStartInfo(fileName, CommandLine.Join(arguments))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
        };
        foreach (var pair in environment)
        {
            info.Environment[pair.Key] = pair.Value;
        }

        // Not disposed: after a kill, the reader threads may still deliver a line; they must find the collection
        // completed (and drop the line), not disposed (an exception on a thread-pool thread ends MSBuild).
        var lines = new BlockingCollection<string>();
        var openStreams = 2;
        void Receive(object sender, DataReceivedEventArgs e)
        {
            try
            {
                if (e.Data is not null)
                {
                    lines.Add(e.Data);
                }
                else if (Interlocked.Decrement(ref openStreams) == 0)
                {
                    lines.CompleteAdding();
                }
            }
            catch (InvalidOperationException)
            {
                // Output after the caller stopped listening (timeout or cancel).
            }
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += Receive;
        process.ErrorDataReceived += Receive;
        process.Start();
        // Nothing is ever typed into the tool: a prompt must see end-of-input instead of waiting forever.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var stopwatch = Stopwatch.StartNew();
        var outcome = ChildProcessOutcome.Exited;
        while (!lines.IsCompleted)
        {
            if (cancellation.IsCancellationRequested)
            {
                outcome = ChildProcessOutcome.Canceled;
                break;
            }

            var left = timeout - stopwatch.Elapsed;
            if (timeout > TimeSpan.Zero && left <= TimeSpan.Zero)
            {
                outcome = ChildProcessOutcome.TimedOut;
                break;
            }

            try
            {
                if (lines.TryTake(out var line, 100, cancellation))
                {
                    onLine(line);
                }
            }
            catch (OperationCanceledException)
            {
                // Seen at the top of the loop.
            }
        }

        if (outcome != ChildProcessOutcome.Exited)
        {
            lines.CompleteAdding();
            Kill(process);
            return outcome;
        }

        process.WaitForExit();
        exitCode = process.ExitCode;
        return outcome;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (KillTree is not null)
            {
                KillTree.Invoke(process, new object[] { true });
            }
            else
            {
                process.Kill();
            }

            process.WaitForExit(10_000);
        }
        catch (TargetInvocationException)
        {
            // The process exited between the check and the kill.
        }
        catch (InvalidOperationException)
        {
            // Same: already gone.
        }
    }
}
