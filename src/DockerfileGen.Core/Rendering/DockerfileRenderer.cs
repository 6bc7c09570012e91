using System.Text;
using DockerfileGen.Model;

namespace DockerfileGen.Rendering;

/// <summary>Writes a <see cref="DockerfileModel"/> as Dockerfile text: LF line endings, trailing newline.</summary>
public static class DockerfileRenderer
{
    /// <summary>Renders the body (everything after the marker line).</summary>
    public static string Render(DockerfileModel model)
    {
        var text = new StringBuilder();
        foreach (var comment in model.HeaderComments)
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        foreach (var stage in model.Stages)
        {
            text.Append('\n').Append("FROM ");
            if (stage.Platform is not null)
            {
                text.Append("--platform=").Append(stage.Platform).Append(' ');
            }

            text.Append(stage.Base).Append(" AS ").Append(stage.Name).Append('\n');
            foreach (var instruction in stage.Instructions)
            {
                text.Append(instruction.Keyword).Append(' ').Append(instruction.Arguments).Append('\n');
            }
        }

        return text.ToString();
    }
}
