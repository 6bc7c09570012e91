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
    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
