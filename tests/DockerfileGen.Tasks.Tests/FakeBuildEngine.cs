using System.Collections;
using Microsoft.Build.Framework;

namespace DockerfileGen.Tasks.Tests;

/// <summary>Collects what a task logs, without MSBuild.</summary>
internal sealed class FakeBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildWarningEventArgs> Warnings { get; } = new();

    public List<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    /// <summary>Called for each message as it is logged, on the logging thread.</summary>
    public Action<BuildMessageEventArgs>? OnMessage { get; set; }

    /// <summary>An exception to throw from the next message a task logs: a failure injected inside the task.</summary>
    public Exception? ThrowOnMessage { get; set; }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        if (ThrowOnMessage is { } exception)
        {
            ThrowOnMessage = null;
            throw exception;
        }

        lock (Messages)
        {
            Messages.Add(e);
        }

        OnMessage?.Invoke(e);
    }

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
