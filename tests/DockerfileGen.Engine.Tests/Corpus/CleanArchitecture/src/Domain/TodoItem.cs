namespace CleanArchitecture.Domain;

public sealed record TodoItem(string Title);
