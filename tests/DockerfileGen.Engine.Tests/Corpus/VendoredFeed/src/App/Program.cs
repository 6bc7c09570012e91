System.Console.WriteLine($"corpus: {Contoso.Greeting.Text}");
