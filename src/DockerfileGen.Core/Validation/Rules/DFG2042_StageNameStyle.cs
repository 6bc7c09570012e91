using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Stage names are matched case-insensitively, so <c>Build</c> and <c>build</c> are one stage and mixed case only
/// confuses; BuildKit warns about both.
/// </summary>
public sealed class DFG2042_StageNameStyle : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2042";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    /// <inheritdoc />
    public override string Title => "A stage name with upper-case letters, or an `AS` whose case does not match its `FROM`.";

    /// <inheritdoc />
    public override string Fix => "Write stage names in lower case, and `AS` in the case of `FROM`: `FROM … AS build`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Document.Stages)
        {
            if (stage.Name is null || stage.NameStart is not { } start || stage.From.Arguments.Count < 3)
            {
                continue;
            }

            var keyword = stage.From.Keyword;
            var asWord = stage.From.Arguments[1];
            var fromUpper = keyword == keyword.ToUpperInvariant();
            if ((fromUpper && asWord.Value != "AS") || (!fromUpper && keyword == keyword.ToLowerInvariant() && asWord.Value != "as"))
            {
                context.Report(asWord, $"'{asWord.Value}' does not match the case of '{keyword}'. Write {(fromUpper ? "AS" : "as")}.");
            }

            if (stage.Name != stage.Name.ToLowerInvariant())
            {
                context.Report(start, start.Column + stage.Name.Length, $"The stage name '{stage.Name}' has upper-case letters; stage names are matched case-insensitively. Write '{stage.Name.ToLowerInvariant()}'.");
            }
        }
    }
}
