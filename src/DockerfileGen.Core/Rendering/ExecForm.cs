using System.Text;

namespace DockerfileGen.Rendering;

/// <summary>The JSON (exec) form of <c>COPY</c>, <c>ENTRYPOINT</c> and <c>CMD</c>.</summary>
public static class ExecForm
{
    /// <summary>Renders the words as a JSON array of strings.</summary>
    public static string Json(params string[] words)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append('"');
            foreach (var ch in words[i])
            {
                switch (ch)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\t': builder.Append("\\t"); break;
                    default: builder.Append(ch); break;
                }
            }

            builder.Append('"');
        }

        return builder.Append(']').ToString();
    }
}
