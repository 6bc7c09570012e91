using Contoso.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Application;

public interface IOrderStore
{
    IReadOnlyList<Order> All();
}

public sealed class OrderService(IOrderStore store)
{
    public IReadOnlyList<Order> Orders() => store.All();

    public decimal Revenue() => store.All().Sum(o => o.Total);
}

public static class ApplicationServices
{
    public static IServiceCollection AddApplication(this IServiceCollection services) =>
        services.AddSingleton<OrderService>();
}
