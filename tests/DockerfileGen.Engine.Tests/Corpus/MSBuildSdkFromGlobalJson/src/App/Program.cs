System.Console.WriteLine("corpus: notargets");
