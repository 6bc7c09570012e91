Console.WriteLine($"corpus: {Text.Message.Text} {Compat.Shim.Framework}");
