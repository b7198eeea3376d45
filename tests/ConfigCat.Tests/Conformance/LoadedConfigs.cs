using System.Collections.Concurrent;
using System.IO;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;

namespace ConfigCat.Tests.Conformance
{
    /// <summary>Config files parsed once per test run.</summary>
    public static class LoadedConfigs
    {
        private static readonly ConcurrentDictionary<string, Config> Cache = new ConcurrentDictionary<string, Config>();

        public static Config Get(string path) => Cache.GetOrAdd(Path.GetFullPath(path), p => ConfigJsonParser.Parse(File.ReadAllText(p)));
    }
}
