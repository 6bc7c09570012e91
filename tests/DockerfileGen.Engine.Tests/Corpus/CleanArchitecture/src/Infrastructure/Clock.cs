using Microsoft.Extensions.Primitives;

namespace CleanArchitecture.Infrastructure;

public static class Clock
{
    public static string Describe(string title) => new StringSegment(title).Value!;
}
