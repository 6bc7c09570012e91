using Contoso.Application;
using Contoso.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Infrastructure;

public sealed class InMemoryOrderStore : IOrderStore
{
    private static readonly Order[] Orders =
    {
        new(1, "Ada", 120.50m),
        new(2, "Grace", 80m),
    };

    public IReadOnlyList<Order> All() => Orders;
}

public static class InfrastructureServices
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services) =>
        services.AddSingleton<IOrderStore, InMemoryOrderStore>();
}
