namespace DockerfileGen.Diagnostics;

/// <summary>How serious a diagnostic is; maps onto MSBuild errors, warnings and messages.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational; never fails a build.</summary>
    Info,

    /// <summary>Something the user should look at; the build goes on.</summary>
    Warning,

    /// <summary>The build fails and nothing is written.</summary>
    Error,
}

/// <summary>A coded, user-facing message. Every message says what to do about it.</summary>
/// <param name="Code">The stable id, <c>DFGnnnn</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What happened and what to do.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message)
{
    /// <summary>
    /// What happened and what to do, on one line: a value with a line break (a property set to "a&#10;b") shows as
    /// <c>a\nb</c>, so it can neither split the message in the log nor pass for a second one.
    /// </summary>
    public string Message { get; init; } = OneLine(Message);

    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";

    private static string OneLine(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                default:
                    if (char.IsControl(ch))
                    {
                        result.Append("\\u").Append(((int)ch).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(ch);
                    }

                    break;
            }
        }

        return result.ToString();
    }
}
