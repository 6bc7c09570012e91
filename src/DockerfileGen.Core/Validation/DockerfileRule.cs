using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation;

/// <summary>One check of the validator. Each rule lives in <c>Rules/DFGnnnn_Name.cs</c> with a page in <c>docs/rules/</c>.</summary>
public abstract class DockerfileRule
{
    /// <summary>The stable id, <c>DFG1xxx</c> (Docker rejects or misbehaves), <c>DFG2xxx</c> (best practice) or <c>DFG3xxx</c> (.NET).</summary>
    public abstract string Id { get; }

    /// <summary>The severity when the project does not configure one.</summary>
    public abstract DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>What the rule catches, in one line (the README's rule table).</summary>
    public abstract string Title { get; }

    /// <summary>How to fix it, in one line (the README's rule table).</summary>
    public abstract string Fix { get; }

    /// <summary>
    /// False for a rule that runs only when the project turns it on (<c>DFG2038=info</c>): a check hadolint has whose
    /// advice is contested, such as pinning OS package versions.
    /// </summary>
    public virtual bool EnabledByDefault => true;

    /// <summary>Reports findings on the document through <paramref name="context"/>.</summary>
    public abstract void Check(RuleContext context);
}
