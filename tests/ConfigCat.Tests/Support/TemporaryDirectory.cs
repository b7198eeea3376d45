using System;
using System.IO;

namespace ConfigCat.Tests.Support
{
    public static class TemporaryDirectory
    {
        public static string Create()
        {
            var path = Path.Combine(Path.GetTempPath(), "configcat-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
