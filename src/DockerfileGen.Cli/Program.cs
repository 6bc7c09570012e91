using System;
using System.IO;

namespace DockerfileGen.Cli;

/// <summary>The <c>dockerfilegen</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs the tool; the exit code is 0 (no errors), 1 (error findings) or 2 (bad usage).</summary>
    public static int Main(string[] args)
    {
        // Console.Out flushes every line; a lint of many files writes thousands, so buffer them and flush once.
        using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var code = LintCommand.Run(args, output, Console.Error, Directory.GetCurrentDirectory());
        output.Flush();
        return code;
    }
}
