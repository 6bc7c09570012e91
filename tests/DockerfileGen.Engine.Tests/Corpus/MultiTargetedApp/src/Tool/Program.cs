Console.WriteLine($"corpus: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
