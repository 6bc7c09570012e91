namespace Legacy;

public static class Words
{
    public const string Greeting = "legacy";
}
