using System.Collections.Generic;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using DockerfileGen.Validation.Rules;

namespace DockerfileGen.Validation;

/// <summary>The outcome of a validation: the parsed document and the findings, ordered by position.</summary>
/// <param name="Document">The parsed Dockerfile.</param>
/// <param name="Findings">The findings left after configuration and suppression comments.</param>
public sealed record ValidationResult(DockerfileDocument Document, IReadOnlyList<Finding> Findings)
{
    /// <summary>True when a finding is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var finding in Findings)
            {
                if (finding.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>Runs every rule over a Dockerfile. Pure: text and options in, findings out.</summary>
public static class DockerfileValidator
{
    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<DockerfileRule> Rules { get; } = new DockerfileRule[]
    {
        new DFG1001_NoFrom(),
        new DFG1002_UnknownInstruction(),
        new DFG1003_UnknownFlag(),
        new DFG1004_CopyFromUnknownStage(),
        new DFG1005_DuplicateStageName(),
        new DFG1006_RelativeWorkdir(),
        new DFG1007_MultipleCmdOrEntrypoint(),
        new DFG1008_InvalidPort(),
        new DFG1009_InstructionBeforeFrom(),
        new DFG1010_JsonInSingleQuotes(),
        new DFG1011_OnbuildTriggerNotAllowed(),
        new DFG1012_CopyManySourcesToFile(),
        new DFG1013_EnvSelfReference(),
        new DFG1014_FromArgWithoutValue(),
        new DFG1015_ReservedStageName(),
        new DFG1016_UndefinedVariable(),
        new DFG2001_LatestOrUntaggedImage(),
        new DFG2002_RegistryNotAllowed(),
        new DFG2003_RootUserInFinalStage(),
        new DFG2004_ShellFormEntrypoint(),
        new DFG2005_AddInsteadOfCopy(),
        new DFG2006_FileRemovedInLaterLayer(),
        new DFG2007_AptGetInstallRecommends(),
        new DFG2008_AptListsNotRemoved(),
        new DFG2009_ApkWithoutNoCache(),
        new DFG2010_RunCd(),
        new DFG2011_Sudo(),
        new DFG2012_SecretInArgOrEnv(),
        new DFG2013_NuGetConfigWithCredentials(),
        new DFG2014_CopyContextBeforeRestore(),
        new DFG2015_BuildToolsInFinalStage(),
        new DFG2016_IgnoreFileMissingOrLeaky(),
        new DFG2017_CopySourceExcluded(),
        new DFG2018_MaintainerDeprecated(),
        new DFG2019_PlainHttpDownload(),
        new DFG2020_InstructionCasing(),
        new DFG2021_AppUidUndefined(),
        new DFG2022_SecretValue(),
        new DFG2030_AptGetInstallWithoutYes(),
        new DFG2031_PipeWithoutPipefail(),
        new DFG2032_ShReplacedByLink(),
        new DFG2033_CopyRelativeDestinationWithoutWorkdir(),
        new DFG2034_NonNumericUser(),
        new DFG2035_UseraddHighUidWithoutNoLogInit(),
        new DFG2036_CopyWholeStage(),
        new DFG2037_AptInsteadOfAptGet(),
        new DFG2038_OsPackagesNotPinned(),
        new DFG2039_LanguagePackagesNotPinned(),
        new DFG2040_PipCacheNotDisabled(),
        new DFG2041_LegacyKeyValueFormat(),
        new DFG2042_StageNameStyle(),
        new DFG2043_EmptyContinuationLine(),
        new DFG2044_ConstantFromPlatform(),
        new DFG2045_RedundantTargetPlatform(),
        new DFG2046_ExposeProtocolCasing(),
        new DFG3001_SdkInFinalStage(),
        new DFG3002_ImageVersionMismatch(),
        new DFG3003_RestorePublishRidMismatch(),
        new DFG3004_RestoreInputMissing(),
        new DFG3005_DoubleBuild(),
        new DFG3006_PublishWithoutNoRestore(),
        new DFG3007_ExposeHttpPortsMismatch(),
        new DFG3008_MissingIcu(),
        new DFG3009_EntrypointMismatch(),
        new DFG3020_HealthcheckCannotRun(),
        new DFG3030_PublishOutputInOneLayer(),
    };

    /// <summary>Parses and validates <paramref name="text"/>.</summary>
    public static ValidationResult Validate(string? text, ValidationOptions? options = null) =>
        Validate(DockerfileParser.Parse(text), options);

    /// <summary>Validates a parsed document.</summary>
    public static ValidationResult Validate(DockerfileDocument document, ValidationOptions? options = null)
    {
        options ??= new ValidationOptions();
        var raw = new List<Finding>();
        var ignoreText = options.Context?.IgnoreFileText;
        var ignoreMatcher = new System.Lazy<Ignore.DockerIgnoreMatcher?>(() => ignoreText is null ? null : Ignore.DockerIgnoreMatcher.Parse(ignoreText));
        foreach (var rule in Rules)
        {
            var severity = rule.DefaultSeverity;
            if (options.Severities.TryGetValue(rule.Id, out var configured))
            {
                if (configured is null)
                {
                    continue;
                }

                severity = configured.Value;
            }
            else if (!rule.EnabledByDefault)
            {
                continue;
            }

            rule.Check(new RuleContext(document, options, rule, severity, raw, ignoreMatcher));
        }

        var suppressions = new Suppressions(document);
        var findings = new List<Finding>(raw.Count);
        foreach (var finding in raw)
        {
            if (!suppressions.IsSuppressed(finding))
            {
                findings.Add(finding);
            }
        }

        // Stable order by position, then id: List.Sort is not stable, so compare everything.
        findings.Sort((a, b) =>
            a.Line != b.Line ? a.Line.CompareTo(b.Line)
            : a.Column != b.Column ? a.Column.CompareTo(b.Column)
            : string.CompareOrdinal(a.RuleId, b.RuleId) is var byId && byId != 0 ? byId
            : string.CompareOrdinal(a.Message, b.Message));
        return new ValidationResult(document, findings);
    }
}
