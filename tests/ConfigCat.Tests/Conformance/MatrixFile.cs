using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Tests.Support;

namespace ConfigCat.Tests.Conformance
{
    /// <summary>One matrix CSV of the conformance data: a header of attribute names and setting keys, then one
    /// row per user with the expected value of every setting.</summary>
    public sealed class MatrixFile
    {
        private const string NullMarker = "##null##";
        private static readonly ConcurrentDictionary<string, MatrixFile> Cache = new ConcurrentDictionary<string, MatrixFile>();

        private MatrixFile(string name)
        {
            Name = name;
            var lines = File.ReadAllLines(TestPaths.Matrix(name + ".csv"), Encoding.UTF8).Where(line => line.Length > 0).ToArray();
            Header = lines[0].Split(';');
            Rows = lines.Skip(1).Select(line => line.Split(';')).ToArray();
            Keys = Header.Skip(4).Where(key => key.Length > 0).ToArray();
        }

        public string Name { get; }

        public string[] Header { get; }

        public string[][] Rows { get; }

        public string[] Keys { get; }

        /// <summary>The expected cells hold variation IDs instead of values.</summary>
        public bool ExpectsVariationIds => Name == "variationid";

        public static MatrixFile Load(string name) => Cache.GetOrAdd(name, n => new MatrixFile(n));

        /// <summary>The config files a matrix must pass with: <c>name.json</c> and every <c>name.*.json</c> variant.</summary>
        public static IEnumerable<string> ConfigFiles(string name) =>
            Directory.GetFiles(Path.Combine(TestPaths.TestData, "matrix"), name + ".*json")
                .Select(Path.GetFileName)
                .OrderBy(file => file, StringComparer.Ordinal)!;

        public static IEnumerable<string> Names() =>
            Directory.GetFiles(Path.Combine(TestPaths.TestData, "matrix"), "*.csv").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal)!;

        public User? UserOf(int row)
        {
            var cells = Rows[row];
            if (cells[0] == NullMarker)
            {
                return null;
            }

            string? Cell(int index) => index < cells.Length && cells[index].Length > 0 && cells[index] != NullMarker ? cells[index] : null;
            var custom = Cell(3);
            return new User(cells[0], Cell(1), Cell(2),
                custom == null ? null : new[] { new KeyValuePair<string, object?>(Header[3], custom) });
        }

        public string Expected(int row, string key) => Rows[row][Array.IndexOf(Header, key)];
    }
}
