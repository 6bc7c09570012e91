using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Images;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// <c>USER $APP_UID</c> names the non-root user only where the image defines <c>APP_UID</c>: the .NET 8+ images do;
/// the .NET 6 and 7 images, operating-system images (Debian, Alpine, distroless) and Docker Hub's official images do
/// not. There the variable expands to nothing and the container runs as root, while the Dockerfile looks non-root.
/// Images this cannot tell about (a private golden image) are left alone.
/// </summary>
public sealed class DFG2021_AppUidUndefined : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2021";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`USER $APP_UID` on a base image that does not define `APP_UID` (only the .NET 8+ images do), so the container runs as root.";

    /// <inheritdoc />
    public override string Fix => "Use the numeric UID (`USER 1654`, the .NET images' `app` user), or define `APP_UID` with ENV before the USER.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        foreach (var stage in document.Stages)
        {
            var defined = false;
            foreach (var link in DockerfileQueries.Chain(document, stage))
            {
                foreach (var instruction in link.Instructions)
                {
                    if (link != stage && instruction.Name is "ENV")
                    {
                        defined |= Defines(instruction);
                    }
                }
            }

            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name is "ENV" or "ARG")
                {
                    defined |= Defines(instruction);
                    continue;
                }

                if (instruction.Name != "USER" || defined || instruction.Arguments.Count == 0)
                {
                    continue;
                }

                var user = instruction.Arguments[0].Unquoted;
                if (!ReadsAppUid(user))
                {
                    continue;
                }

                var image = DockerfileQueries.BaseImageOf(document, stage);
                if (image is not null && image.DefinesAppUid == false)
                {
                    var name = image.Name.Registry == ImageName.DockerHub ? image.Name.Repository.Replace("library/", "") : image.Name.Registry + "/" + image.Name.Repository;
                    context.Report(instruction, $"USER {user}: {name}{(image.Name.Tag is null ? "" : ":" + image.Name.Tag)} does not define APP_UID (only the .NET 8+ images do), so it expands to nothing and the container runs as root. Use the numeric UID (USER 1654), or define APP_UID with ENV first.");
                }
            }
        }
    }

    // $APP_UID or ${APP_UID}, alone or as the user or group part; a default (${APP_UID:-1654}) makes it safe.
    private static bool ReadsAppUid(string user)
    {
        foreach (var part in user.Split(':'))
        {
            if (part is "$APP_UID" or "${APP_UID}")
            {
                return true;
            }
        }

        return false;
    }

    private static bool Defines(Instruction instruction)
    {
        foreach (var (key, _, _) in DockerfileQueries.KeyValues(instruction))
        {
            if (string.Equals(key, "APP_UID", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
