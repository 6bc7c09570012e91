using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>
/// A regeneration runs DockerfileGen's code for the first time in a fresh MSBuild process; the net8.0 task assemblies
/// carry precompiled code so that it is not compiled from IL then. The runtime uses that code only when it reads the
/// code's format, so the format must be the one of the runtime the SDK runs on (these tests run on it too).
/// </summary>
public sealed class ReadyToRunTests
{
    private static readonly string TasksOutput = Path.Combine(RepoPaths.Root, "src", "DockerfileGen.Tasks", "bin", RepoPaths.Configuration, "net8.0");

    [Theory]
    [InlineData("DockerfileGen.Tasks.dll")]
    [InlineData("DockerfileGen.Core.dll")]
    public void TaskAssembliesCarryCodeInTheFormatOfTheRunningRuntime(string assembly)
    {
        // The major version of the running framework's own images is one the runtime reads (.NET 10 does not read .NET 8's).
        var runtimeFormat = ReadyToRunMajorVersion(typeof(object).Assembly.Location);
        Assert.NotNull(runtimeFormat);

        Assert.Equal(runtimeFormat, ReadyToRunMajorVersion(Path.Combine(TasksOutput, assembly)));
    }

    // The major version of an image's ReadyToRun header, or null for IL only.
    private static int? ReadyToRunMajorVersion(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var directory = pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory ?? default;
        if (directory.Size == 0 || !pe.PEHeaders.TryGetDirectoryOffset(directory, out var offset))
        {
            return null;
        }

        var image = pe.GetEntireImage();
        var header = image.GetContent(offset, 8);
        Assert.Equal(0x00525452u, MemoryMarshal.Read<uint>(header.AsSpan(0, 4)));
        return MemoryMarshal.Read<ushort>(header.AsSpan(4, 2));
    }
}
