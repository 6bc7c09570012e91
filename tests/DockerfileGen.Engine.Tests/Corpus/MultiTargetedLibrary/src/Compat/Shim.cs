namespace Compat;

public static class Shim
{
#if NET10_0_OR_GREATER
    public const string Framework = "compat-net10.0";
#else
    public const string Framework = "compat-net8.0";
#endif
}
