using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using DockerfileGen.Model;

namespace DockerfileGen.Tasks;

/// <summary>
/// Reads the <see cref="SourceFacts"/> that DockerfileGen's source generator compiled into an assembly as
/// <c>[assembly: AssemblyMetadata("DockerfileGen.…", "…")]</c> attributes. Reads metadata only: the assembly is never
/// loaded, so MSBuild does not lock it and a build for another runtime reads the same way.
/// </summary>
public static class SourceFactsReader
{
    /// <summary>
    /// The facts of the assembly at <paramref name="assemblyPath"/> (the project's <c>@(IntermediateAssembly)</c>, or
    /// the built <c>$(TargetPath)</c>). Null when the file does not exist, is not a .NET assembly, or the generator did not
    /// run on it (a library, a project without the analyzer, <c>DockerfileGenEnabled=false</c>).
    /// </summary>
    public static SourceFacts? Read(string assemblyPath)
    {
        if (string.IsNullOrEmpty(assemblyPath) || !File.Exists(assemblyPath))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                return null;
            }

            return SourceFacts.FromMetadata(ReadAssemblyMetadata(reader));
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The key/value pairs of every <c>System.Reflection.AssemblyMetadataAttribute</c> on the assembly.</summary>
    private static List<KeyValuePair<string, string?>> ReadAssemblyMetadata(MetadataReader reader)
    {
        var result = new List<KeyValuePair<string, string?>>();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!IsAssemblyMetadataAttribute(reader, attribute.Constructor))
            {
                continue;
            }

            // The blob of a (string, string) constructor: prolog 0x0001, then two SerStrings (ECMA-335 II.23.3).
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.Length < 2 || blob.ReadUInt16() != 1)
            {
                continue;
            }

            var key = blob.ReadSerializedString();
            var value = blob.ReadSerializedString();
            if (key is not null)
            {
                result.Add(new KeyValuePair<string, string?>(key, value));
            }
        }

        return result;
    }

    private static bool IsAssemblyMetadataAttribute(MetadataReader reader, EntityHandle constructor)
    {
        StringHandle name;
        StringHandle @namespace;
        switch (constructor.Kind)
        {
            case HandleKind.MemberReference:
                var parent = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                if (parent.Kind != HandleKind.TypeReference)
                {
                    return false;
                }

                var reference = reader.GetTypeReference((TypeReferenceHandle)parent);
                name = reference.Name;
                @namespace = reference.Namespace;
                break;
            case HandleKind.MethodDefinition:
                var type = reader.GetTypeDefinition(reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
                name = type.Name;
                @namespace = type.Namespace;
                break;
            default:
                return false;
        }

        return reader.StringComparer.Equals(name, "AssemblyMetadataAttribute")
               && reader.StringComparer.Equals(@namespace, "System.Reflection");
    }
}
