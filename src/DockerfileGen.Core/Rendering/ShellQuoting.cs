namespace DockerfileGen.Rendering;

/// <summary>Quoting for arguments of shell-form instructions (<c>RUN</c>), which run under <c>/bin/sh</c>.</summary>
public static class ShellQuoting
{
    /// <summary>
    /// Returns the argument unchanged when the shell would read it as one literal word, otherwise wrapped in
    /// single quotes (the only quoting in which POSIX sh expands nothing).
    /// </summary>
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && IsPlain(argument))
        {
            return argument;
        }

        return "'" + argument.Replace("'", "'\\''") + "'";
    }

    private static bool IsPlain(string argument)
    {
        foreach (var ch in argument)
        {
            var plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                || ch == '.' || ch == '_' || ch == '-' || ch == '/' || ch == '+' || ch == ',' || ch == ':' || ch == '@';
            if (!plain)
            {
                return false;
            }
        }

        return true;
    }
}
