namespace CleanArchitecture.Application;

public sealed class TodoService
{
    public string Title => new CleanArchitecture.Domain.TodoItem("clean architecture").Title;
}
