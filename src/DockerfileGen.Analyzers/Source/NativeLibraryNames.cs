using System;
using System.Collections.Generic;

namespace DockerfileGen.Analyzers.Source;

/// <summary>
/// Which native library names say something about the image. The C library and its parts (libc, libdl, libpthread,
/// libm, librt) are in every Linux image .NET runs on, chiseled included, and the runtime's own shims
/// (<c>libSystem.Native</c>, <c>libSystem.Security.Cryptography.Native.OpenSsl</c>, …) ship with the runtime; Windows
/// system libraries are never loaded on Linux, so they say nothing about a Linux image either. Every other name may
/// be missing from a chiseled image, which holds little beyond the C library, OpenSSL, zlib and the C++ runtime.
/// </summary>
internal static class NativeLibraryNames
{
    private static readonly HashSet<string> EveryLinuxImage = new(StringComparer.Ordinal)
    {
        "c", "libc", "dl", "libdl", "pthread", "libpthread", "m", "libm", "rt", "librt",
    };

    private static readonly HashSet<string> WindowsSystem = new(StringComparer.OrdinalIgnoreCase)
    {
        "advapi32", "bcrypt", "comctl32", "comdlg32", "crypt32", "dbghelp", "dwmapi", "gdi32", "gdiplus", "iphlpapi",
        "kernel32", "kernelbase", "msvcrt", "ncrypt", "netapi32", "ntdll", "ole32", "oleaut32", "psapi", "rpcrt4",
        "secur32", "setupapi", "shell32", "shlwapi", "ucrtbase", "user32", "userenv", "uxtheme", "version", "winhttp",
        "wininet", "winmm", "winspool.drv", "ws2_32", "wtsapi32",
    };

    /// <summary>
    /// False for a library every Linux .NET image has or that only Windows loads (and for the <c>__Internal</c> of
    /// statically linked code); true for any other name.
    /// </summary>
    public static bool IsMissingFromMinimalImages(string name)
    {
        var file = name.Trim();
        file = file.Substring(file.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        if (file.Length == 0 || file == "__Internal")
        {
            return false;
        }

        var stem = WithoutSharedObjectSuffix(file);
        if (EveryLinuxImage.Contains(stem) || stem.StartsWith("libSystem.", StringComparison.Ordinal))
        {
            return false;
        }

        var windowsStem = stem.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? stem.Substring(0, stem.Length - 4) : stem;
        return !WindowsSystem.Contains(windowsStem) && !windowsStem.StartsWith("api-ms-win-", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>libc.so.6</c>: <c>libc</c>; <c>libm.so</c>: <c>libm</c>.</summary>
    private static string WithoutSharedObjectSuffix(string file)
    {
        var index = file.IndexOf(".so", StringComparison.Ordinal);
        while (index >= 0)
        {
            var rest = file.Substring(index + 3);
            if (rest.Length == 0 || IsVersionSuffix(rest))
            {
                return file.Substring(0, index);
            }

            index = file.IndexOf(".so", index + 3, StringComparison.Ordinal);
        }

        return file;
    }

    /// <summary><c>.6</c>, <c>.1.2</c>: a shared object's version.</summary>
    private static bool IsVersionSuffix(string rest)
    {
        if (rest[0] != '.')
        {
            return false;
        }

        foreach (var character in rest)
        {
            if (character != '.' && (character < '0' || character > '9'))
            {
                return false;
            }
        }

        return true;
    }
}
