using System.Collections.Generic;
using System.Text;

namespace DockerfileGen.ImageBuild;

/// <summary>
/// Joins arguments into the single command-line string <c>ProcessStartInfo.Arguments</c> takes on
/// netstandard2.0 (no <c>ArgumentList</c> there). .NET splits that string with the same rules on every OS
/// (the Windows C runtime's), so quoting for them round-trips each argument exactly.
/// </summary>
public static class CommandLine
{
    /// <summary>The arguments as one string that .NET splits back into exactly these arguments.</summary>
    public static string Join(IEnumerable<string> arguments)
    {
        var builder = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            Append(builder, argument);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '\n', '\v', '"' }) < 0)
        {
            builder.Append(argument);
            return;
        }

        builder.Append('"');
        var backslashes = 0;
        foreach (var ch in argument)
        {
            if (ch == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes are literal unless they precede a quote: then each must be doubled, and the quote escaped.
            builder.Append('\\', ch == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            builder.Append(ch);
        }

        // The closing quote follows: double the trailing backslashes so they do not escape it.
        builder.Append('\\', backslashes * 2);
        builder.Append('"');
    }
}
