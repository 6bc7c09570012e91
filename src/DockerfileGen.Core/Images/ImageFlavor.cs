namespace DockerfileGen.Images;

/// <summary>The Linux distribution an image is built on; it decides the libc, the package manager and ICU.</summary>
public enum OsFamily
{
    /// <summary>Debian (<c>bullseye-slim</c>, <c>bookworm-slim</c>, <c>trixie-slim</c>); also any distribution DockerfileGen does not recognise.</summary>
    Debian,

    /// <summary>Ubuntu (<c>focal</c>, <c>jammy</c>, <c>noble</c>, <c>resolute</c>), including the chiseled images.</summary>
    Ubuntu,

    /// <summary>Alpine Linux: musl libc, BusyBox, <c>apk</c>.</summary>
    Alpine,

    /// <summary>Azure Linux (<c>azurelinux3.0</c>, <c>azurelinux4.0</c>), including the distroless images.</summary>
    AzureLinux,

    /// <summary>CBL-Mariner 2.0, Azure Linux's predecessor, including the distroless images.</summary>
    Mariner,
}

/// <summary>The package manager a <c>RUN</c> instruction can use in an image.</summary>
public enum PackageManager
{
    /// <summary>No package manager: chiseled and distroless images have no shell to run one.</summary>
    None,

    /// <summary><c>apt-get</c> (Debian, Ubuntu).</summary>
    Apt,

    /// <summary><c>apk</c> (Alpine).</summary>
    Apk,

    /// <summary><c>tdnf</c> (Azure Linux, CBL-Mariner).</summary>
    Tdnf,
}

/// <summary>
/// One variant of an official .NET image: the part of the tag after the version (<c>noble-chiseled-extra</c>
/// in <c>10.0-noble-chiseled-extra</c>) and what it means for a Dockerfile built on it. The derived facts
/// describe the runtime images (<c>runtime-deps</c>, <c>runtime</c>, <c>aspnet</c>); the SDK images add
/// build tools on top and are only ever a build stage.
/// </summary>
/// <param name="Suffix">The tag after the version and its '-', lower case; empty for the plain version tag.</param>
/// <param name="Os">The distribution family.</param>
/// <param name="OsName">The distribution as tags spell it (<c>noble</c>, <c>alpine</c>, <c>azurelinux3.0</c>); empty when a tag does not say.</param>
/// <param name="Chiseled">An Ubuntu chiseled image: no shell, no package manager, non-root by default.</param>
/// <param name="Distroless">An Azure Linux or CBL-Mariner distroless image: no shell, no package manager.</param>
/// <param name="Composite">An ASP.NET Core image whose shared frameworks are compiled together (faster start-up, .NET 8+).</param>
/// <param name="Extra">An image that adds ICU and time zone data to one that otherwise runs globalization-invariant.</param>
/// <param name="Aot">An SDK image with the native toolchain Native AOT publishing needs (.NET 10+).</param>
public sealed record ImageFlavor(string Suffix, OsFamily Os, string OsName, bool Chiseled, bool Distroless, bool Composite, bool Extra, bool Aot)
{
    /// <summary>Whether the image has <c>/bin/sh</c>, so shell-form instructions and <c>RUN</c> work.</summary>
    public bool HasShell => !Chiseled && !Distroless;

    /// <summary>The package manager a <c>RUN</c> instruction can use; <see cref="PackageManager.None"/> without a shell.</summary>
    public PackageManager PackageManager => !HasShell
        ? PackageManager.None
        : Os switch
        {
            OsFamily.Alpine => PackageManager.Apk,
            OsFamily.AzureLinux or OsFamily.Mariner => PackageManager.Tdnf,
            _ => PackageManager.Apt,
        };

    /// <summary>
    /// Whether the image carries ICU. Alpine, chiseled and distroless images set
    /// <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true</c> and leave ICU to their <c>-extra</c> variants; the full
    /// Debian, Ubuntu and Azure Linux images install it.
    /// </summary>
    public bool HasIcu => Extra || (HasShell && Os != OsFamily.Alpine);

    /// <summary>
    /// Whether the image carries time zone data (<c>tzdata</c>): the same images as ICU, because the <c>-extra</c>
    /// variants add both and the full Debian, Ubuntu and Azure Linux images install both.
    /// </summary>
    public bool HasTimeZones => HasIcu;

    /// <summary>Whether the image runs as the non-root <c>app</c> user without a <c>USER</c> instruction: the chiseled and distroless images.</summary>
    public bool DefaultUserIsNonRoot => Chiseled || Distroless;

    /// <summary>
    /// Whether a HEALTHCHECK can call <c>wget</c>: only BusyBox on Alpine provides one. The Debian, Ubuntu and
    /// Azure Linux runtime images carry neither curl nor wget, and chiseled/distroless images have nothing to run it with.
    /// </summary>
    public bool HasWget => HasShell && Os == OsFamily.Alpine;

    /// <summary>Whether the image uses musl libc, so a published app needs a <c>linux-musl-*</c> runtime identifier.</summary>
    public bool IsMusl => Os == OsFamily.Alpine;
}
