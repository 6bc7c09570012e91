using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// Published with Native AOT, the process is the app's own native executable, not the dotnet host running a .dll.
var name = args.Length > 0 ? args[0] : "container";
Console.WriteLine($"Hello, {name}! Running {Environment.ProcessPath} on {RuntimeInformation.RuntimeIdentifier} as user {Environment.UserName}; " +
                  $"dynamic code supported: {RuntimeFeature.IsDynamicCodeSupported}.");
