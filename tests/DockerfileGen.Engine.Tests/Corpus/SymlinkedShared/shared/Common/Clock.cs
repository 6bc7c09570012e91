namespace Common;

public static class Clock
{
    public const string Text = "linked";
}
