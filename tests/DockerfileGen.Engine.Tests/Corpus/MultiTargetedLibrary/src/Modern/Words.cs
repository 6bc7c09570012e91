namespace Modern;

public static class Words
{
    public const string Greeting = "modern";
}
