using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DockerfileGen.Tasks;

/// <summary>
/// The versions a build stamped into an assembly: what MinVer, Nerdbank.GitVersioning or GitVersion computed from git on
/// this machine, read back from the compiled assembly rather than from properties, which only the build that ran the
/// tool's targets has.
/// </summary>
internal static class AssemblyVersions
{
    /// <summary>The build argument of the generated Dockerfile for each version, or empty when the assembly cannot be read.</summary>
    public static Dictionary<string, string> Read(string assemblyPath)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(assemblyPath) || !File.Exists(assemblyPath))
        {
            return versions;
        }

        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var definition = reader.GetAssemblyDefinition();
            versions["APP_ASSEMBLY_VERSION"] = definition.Version.ToString();
            foreach (var handle in definition.GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                var type = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                if (type.Kind != HandleKind.TypeReference)
                {
                    continue;
                }

                var name = reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Name);
                var argument = name switch
                {
                    "AssemblyFileVersionAttribute" => "APP_FILE_VERSION",
                    "AssemblyInformationalVersionAttribute" => "APP_INFORMATIONAL_VERSION",
                    _ => null,
                };
                if (argument is not null && FirstString(reader.GetBlobReader(attribute.Value)) is { } value)
                {
                    versions[argument] = value;
                }
            }
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        // The SDK's Version is the informational version before its build metadata (which SourceLink adds).
        if (versions.TryGetValue("APP_INFORMATIONAL_VERSION", out var informational))
        {
            versions["APP_VERSION"] = informational.Split('+')[0];
        }

        return versions;
    }

    // A custom attribute blob: prolog 0x0001, then the first constructor argument, a serialized string.
    private static string? FirstString(BlobReader blob) =>
        blob.Length >= 2 && blob.ReadUInt16() == 1 ? blob.ReadSerializedString() : null;
}
