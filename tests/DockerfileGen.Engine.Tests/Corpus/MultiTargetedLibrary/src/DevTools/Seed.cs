namespace DevTools;

public static class Seed
{
}
