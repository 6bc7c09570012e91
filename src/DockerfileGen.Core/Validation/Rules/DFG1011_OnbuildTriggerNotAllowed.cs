using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// ONBUILD stores an instruction for the builds that use this image as their base. Docker rejects an empty
/// ONBUILD and the triggers it cannot replay: ONBUILD (no chaining), FROM and MAINTAINER.
/// </summary>
public sealed class DFG1011_OnbuildTriggerNotAllowed : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1011";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "ONBUILD without an instruction, or carrying ONBUILD, FROM or MAINTAINER, which Docker rejects.";

    /// <inheritdoc />
    public override string Fix => "Give ONBUILD one instruction other than ONBUILD, FROM and MAINTAINER: `ONBUILD COPY . /src`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.Instructions)
        {
            if (instruction.Name != "ONBUILD")
            {
                continue;
            }

            if (instruction.Trigger is not { } trigger)
            {
                context.Report(instruction, "ONBUILD has no instruction to run, so Docker rejects the file. Give it one: ONBUILD COPY . /src.");
            }
            else if (trigger.Name is "ONBUILD" or "FROM" or "MAINTAINER")
            {
                context.Report(trigger.Start, trigger.Start.Column + trigger.Keyword.Length,
                    $"ONBUILD cannot carry {trigger.Name} ({(trigger.Name == "ONBUILD" ? "triggers do not chain" : "it is not an instruction a later build can replay")}), so Docker rejects the file. Remove it, or put the instruction in the Dockerfile that uses this image.");
            }
        }
    }
}
