namespace CxCore.Tests.TestSupport;

/// <summary>Finds files beside or above the test binaries: source-tree fixtures and the shared data folder.</summary>
internal static class TestPaths
{
    /// <summary>
    /// Walks up from the test binaries; in each folder, returns the full path of the first of
    /// <paramref name="relativePaths"/> that exists as a file. Null when none exists anywhere above.
    /// </summary>
    public static string? FindFileAbove(params string[] relativePaths)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var relative in relativePaths)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }
}
