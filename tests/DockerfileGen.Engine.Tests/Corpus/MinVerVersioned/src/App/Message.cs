internal static class Message
{
    public const string Text = "minver";
}
