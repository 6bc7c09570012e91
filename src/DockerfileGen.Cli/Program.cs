using System;
using System.IO;

namespace DockerfileGen.Cli;

/// <summary>The <c>dockerfilegen</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs the tool; the exit code is 0 (no errors), 1 (error findings) or 2 (bad usage).</summary>
    public static int Main(string[] args) => LintCommand.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
}
