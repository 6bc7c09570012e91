using System;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Xml;
using System.Xml.Linq;

namespace DockerfileGen.Tasks;

/// <summary>
/// Reads the JSON files restore and the SDK write (<c>project.assets.json</c>, the restore graph, <c>global.json</c>)
/// as XML, through the JSON reader both task frameworks have (net472 has no System.Text.Json, and MSBuild loads its own
/// copy on .NET). Each object member is an element named after it; <c>item</c> elements hold array entries, and a member
/// whose name is not a valid XML name keeps it in its <c>item</c> attribute.
/// </summary>
internal static class JsonFile
{
    /// <summary>The file's root element, or null when it is missing, unreadable or not JSON.</summary>
    /// <param name="path">The file.</param>
    public static XElement? TryLoad(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = JsonReaderWriterFactory.CreateJsonReader(File.ReadAllBytes(path), XmlDictionaryReaderQuotas.Max);
            return XElement.Load(reader);
        }
        catch (Exception e) when (e is IOException or XmlException or UnauthorizedAccessException or SerializationException)
        {
            return null;
        }
    }
}
