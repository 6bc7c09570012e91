var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => Results.Ok(new { message = "Hello from a DockerfileGen image", framework = Environment.Version.ToString() }));
app.MapGet("/weather/{city}", (string city) => new { city, temperatureC = Random.Shared.Next(-10, 35) });

app.Run();
