using System.Text;

namespace DockerfileGen.Benchmarks;

/// <summary>A deterministic, realistic Dockerfile of a given length: many stages, continuations, heredocs, flags.</summary>
public static class LargeDockerfile
{
    private const string Block = """
        FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build{0}
        ARG TARGETARCH
        WORKDIR /src/app{0}
        COPY ["src/App{0}/App{0}.csproj", "src/App{0}/"]
        COPY Directory.Packages.props NuGet.config ./
        RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
            dotnet restore src/App{0}/App{0}.csproj -a $TARGETARCH
        COPY . .
        RUN dotnet publish src/App{0}/App{0}.csproj -c Release -a $TARGETARCH --no-restore -o /app
        RUN apt-get update \
         && apt-get install -y --no-install-recommends \
              ca-certificates \
              curl \
         && rm -rf /var/lib/apt/lists/*
        RUN <<EOF
        set -e
        echo "stage {0}" > /app/stage.txt
        EOF
        # a comment between instructions
        ENV APP_NAME=app{0} DOTNET_NOLOGO=1
        LABEL org.opencontainers.image.title="app{0}" \
              org.opencontainers.image.version="1.0.{0}"

        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final{0}
        WORKDIR /app
        EXPOSE 8080
        COPY --from=build{0} /app .
        USER $APP_UID
        HEALTHCHECK --interval=30s CMD ["./App{0}", "--health"]
        ENTRYPOINT ["./App{0}"]

        """;

    public static string Create(int lines)
    {
        var builder = new StringBuilder();
        var count = 0;
        for (var i = 0; count < lines; i++)
        {
            var block = string.Format(System.Globalization.CultureInfo.InvariantCulture, Block, i);
            builder.Append(block);
            count += block.Split('\n').Length - 1;
        }

        return builder.ToString();
    }
}
