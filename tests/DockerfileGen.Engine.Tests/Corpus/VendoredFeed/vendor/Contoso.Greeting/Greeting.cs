namespace Contoso;

public static class Greeting
{
    public const string Text = "vendored greeting";
}
