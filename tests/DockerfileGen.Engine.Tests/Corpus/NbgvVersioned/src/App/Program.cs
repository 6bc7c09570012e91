using System.Reflection;

var assembly = typeof(Program).Assembly;
Console.WriteLine($"corpus: {Message.Text}");
Console.WriteLine($"version: {assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}|{assembly.GetName().Version}|{assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version}");
