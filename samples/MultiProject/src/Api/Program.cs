using Contoso.Application;
using Contoso.Infrastructure;
using Contoso.Shared;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddApplication().AddInfrastructure();
var app = builder.Build();

app.MapGet("/", () => Results.Ok(new { product = BuildInfo.Product }));
app.MapGet("/orders", (OrderService orders) => orders.Orders());
app.MapGet("/revenue", (OrderService orders) => new { revenue = orders.Revenue() });

app.Run();
