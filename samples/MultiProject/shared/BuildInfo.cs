namespace Contoso.Shared;

/// <summary>Linked into the domain project from the shared folder.</summary>
public static class BuildInfo
{
    public const string Product = "Contoso Orders";
}
