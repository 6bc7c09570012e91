var app = WebApplication.Create(args);
app.MapGet("/", () => $"corpus: {CleanArchitecture.Infrastructure.Clock.Describe(new CleanArchitecture.Application.TodoService().Title)}");
app.Run();
