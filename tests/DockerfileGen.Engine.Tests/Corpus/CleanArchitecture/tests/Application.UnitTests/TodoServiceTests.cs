namespace CleanArchitecture.Application.UnitTests;

public static class TodoServiceTests
{
    public static bool HasTitle() => new TodoService().Title.Length > 0;
}
