namespace Connectors.Tests.Shared;

/// <summary>Finds files of the repository from a test's output folder, which always lies inside the checkout.</summary>
/// <remarks>Source paths (<c>CallerFilePath</c>) are mapped to <c>/_/</c> in CI builds, so tests must not rely on them.</remarks>
internal static class RepositoryFiles
{
    /// <summary>The folder holding <c>Connectors.sln</c>, searched upwards from the test output and the working directory.</summary>
    public static string Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Connectors.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Connectors.sln not found above the test output or the working directory.");
    }

    /// <summary>The text of a repository file with Unix line endings.</summary>
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(Root(), relativePath)).Replace("\r\n", "\n", StringComparison.Ordinal);
}
