var name = args.Length > 0 ? args[0] : "container";
Console.WriteLine($"Hello, {name}! Running on .NET {Environment.Version} as user {Environment.UserName}.");
