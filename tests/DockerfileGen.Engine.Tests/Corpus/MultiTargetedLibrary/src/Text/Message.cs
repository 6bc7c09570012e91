namespace Text;

public static class Message
{
#if NET10_0_OR_GREATER
    public static string Text => Modern.Words.Greeting;
#else
    public static string Text => Legacy.Words.Greeting;
#endif
}
