using System.Net;

namespace DockerfileGen.Engine.Tests;

/// <summary>HTTP requests to an app that is still starting in its container.</summary>
public static class HttpProbe
{
    /// <summary>GETs <paramref name="url"/>, retrying while nothing answers, for up to <paramref name="patience"/>.</summary>
    public static (HttpStatusCode Status, string Body) Get(string url, TimeSpan patience)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                using var response = client.GetAsync(url).GetAwaiter().GetResult();
                return (response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}
