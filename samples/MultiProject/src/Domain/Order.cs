namespace Contoso.Domain;

public sealed record Order(int Id, string Customer, decimal Total);
