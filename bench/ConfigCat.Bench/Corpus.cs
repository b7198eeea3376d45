using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;

namespace ConfigCat.Bench
{
    /// <summary>A user as both benchmarks build it: the engine's <see cref="User"/> and the same attributes as JSON
    /// for the node script. Custom values are strings, numbers or string arrays, which mean the same in both.</summary>
    internal sealed class UserSpec
    {
        public UserSpec(string identifier, string? email, string? country, params (string Name, object Value)[] custom)
        {
            Identifier = identifier;
            Email = email;
            Country = country;
            Custom = custom;
        }

        public string Identifier { get; }

        public string? Email { get; }

        public string? Country { get; }

        public (string Name, object Value)[] Custom { get; }

        public User ToUser() => new User(Identifier, Email, Country,
            Custom.Length == 0 ? null : Custom.Select(c => new KeyValuePair<string, object?>(c.Name, c.Value)));

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("Identifier", Identifier);
            if (Email != null)
            {
                writer.WriteString("Email", Email);
            }

            if (Country != null)
            {
                writer.WriteString("Country", Country);
            }

            writer.WriteStartObject("Custom");
            foreach (var (name, value) in Custom)
            {
                writer.WritePropertyName(name);
                JsonSerializer.Serialize(writer, value, value.GetType());
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    /// <summary>One evaluation of a corpus: a setting key of one of its configs, for one of its users (or none).</summary>
    internal readonly struct CorpusCase
    {
        public CorpusCase(int config, string key, int user)
        {
            Config = config;
            Key = key;
            User = user;
        }

        public int Config { get; }

        public string Key { get; }

        /// <summary>Index into <see cref="Corpus.Users"/>; -1 for no user.</summary>
        public int User { get; }
    }

    /// <summary>
    /// A list of evaluations over a few config files, shared by the engine benchmarks and (exported as JSON) the
    /// configcat-node script, so both evaluate exactly the same keys for the same users.
    /// </summary>
    internal sealed class Corpus
    {
        private Corpus(string name, string[] configFiles, UserSpec?[] users, CorpusCase[] cases)
        {
            Name = name;
            ConfigFiles = configFiles;
            Users = users;
            Cases = cases;
        }

        public string Name { get; }

        public string[] ConfigFiles { get; }

        public UserSpec?[] Users { get; }

        public CorpusCase[] Cases { get; }

        public Config[] ParseConfigs() => ConfigFiles.Select(f => ConfigJsonParser.Parse(File.ReadAllText(f))).ToArray();

        /// <summary>Every row × key of every matrix CSV in the shared data, against the matrix's own <c>name.json</c>
        /// (the variant files repeat the same cases), evaluated with no type constraint like the conformance tests.</summary>
        public static Corpus Matrix()
        {
            const string NullMarker = "##null##";
            var configs = new List<string>();
            var users = new List<UserSpec?>();
            var cases = new List<CorpusCase>();
            foreach (var csv in Directory.GetFiles(BenchPaths.Matrix, "*.csv").OrderBy(f => f, StringComparer.Ordinal))
            {
                var lines = File.ReadAllLines(csv, Encoding.UTF8).Where(line => line.Length > 0).ToArray();
                var header = lines[0].Split(';');
                var keys = header.Skip(4).Where(key => key.Length > 0).ToArray();
                configs.Add(Path.Combine(BenchPaths.Matrix, Path.GetFileNameWithoutExtension(csv) + ".json"));
                foreach (var line in lines.Skip(1))
                {
                    var cells = line.Split(';');
                    string? Cell(int index) => index < cells.Length && cells[index].Length > 0 && cells[index] != NullMarker ? cells[index] : null;
                    var custom = Cell(3);
                    var userIndex = -1;
                    if (cells[0] != NullMarker)
                    {
                        users.Add(new UserSpec(cells[0], Cell(1), Cell(2), custom == null ? Array.Empty<(string, object)>() : new[] { (header[3], (object)custom) }));
                        userIndex = users.Count - 1;
                    }

                    foreach (var key in keys)
                    {
                        cases.Add(new CorpusCase(configs.Count - 1, key, userIndex));
                    }
                }
            }

            return new Corpus("matrix", configs.ToArray(), users.ToArray(), cases.ToArray());
        }

        /// <summary>Every setting of the large generated config × every generated user (one of them no user at all).</summary>
        public static Corpus Generated()
        {
            var file = GeneratedConfig.EnsureFile(GeneratedConfig.LargeSettingCount);
            var users = GeneratedConfig.Users();
            var cases = new List<CorpusCase>();
            for (var s = 0; s < GeneratedConfig.LargeSettingCount; s++)
            {
                for (var u = -1; u < users.Length; u++)
                {
                    cases.Add(new CorpusCase(0, GeneratedConfig.KeyOf(s), u));
                }
            }

            return new Corpus("generated", new[] { file }, users, cases.ToArray());
        }

        /// <summary>The corpus as the node script reads it, with the engine's value of every case so that the script can
        /// check it evaluated the same thing.</summary>
        public void Export(Utf8JsonWriter writer, object?[] engineValues)
        {
            writer.WriteStartObject();
            writer.WriteString("name", Name);
            writer.WriteStartArray("configs");
            foreach (var file in ConfigFiles)
            {
                writer.WriteStringValue(file);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("users");
            foreach (var user in Users)
            {
                user!.WriteJson(writer);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("cases");
            for (var i = 0; i < Cases.Length; i++)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(Cases[i].Config);
                writer.WriteStringValue(Cases[i].Key);
                writer.WriteNumberValue(Cases[i].User);
                var value = engineValues[i];
                if (value == null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    JsonSerializer.Serialize(writer, value, value.GetType());
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
