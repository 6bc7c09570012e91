System.Console.WriteLine($"corpus: {Common.Clock.Text}");
