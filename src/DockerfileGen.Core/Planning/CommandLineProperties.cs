using System;
using System.Collections.Generic;

namespace DockerfileGen.Planning;

/// <summary>
/// The MSBuild properties that shape both the generated Dockerfile and what <c>dotnet publish</c> produces inside the
/// image. A value the project's files set reaches the image's build with the files; a value given on the host build's
/// command line (<c>dotnet build -p:PublishAot=true</c>) does not, because the image's build has its own command line:
/// the Dockerfile would describe a native app while the image published a framework-dependent one. So a command-line
/// value of one of these is written into the image's restore and publish steps (restore too: Native AOT, trimming and
/// self-contained publishing restore packages of their own).
/// </summary>
public static class CommandLineProperties
{
    /// <summary>The properties, as MSBuild names them.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(new[]
    {
        "AssemblyName",
        "InvariantGlobalization",
        "PublishAot",
        "PublishReadyToRun",
        "PublishSelfContained",
        "PublishSingleFile",
        "PublishTrimmed",
        "SelfContained",
        "UseAppHost",
        // The health probe is compiled into the app, with the path it requests.
        "DockerfileGenHealthCheck",
        "DockerfileGenHealthCheckPath",
    });

    /// <summary>True for a property the image's build must be given when the host build got it on the command line.</summary>
    public static bool IsImageBuildProperty(string name)
    {
        foreach (var known in Names)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
