using System;
using System.Collections.Generic;
using System.Linq;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Overrides
{
    /// <summary>Overrides from key → value pairs (bool, string, whole numbers within Int32, float/double). A value of
    /// any other type makes that setting fail to evaluate, with a message that names the type.</summary>
    public sealed class DictionaryOverrideDataSource : IOverrideDataSource
    {
        private readonly string description;

        public DictionaryOverrideDataSource(IEnumerable<KeyValuePair<string, object?>> values)
        {
            if (values == null)
            {
                throw new ArgumentNullException(nameof(values));
            }

            var settings = new List<KeyValuePair<string, Setting>>();
            foreach (var pair in values)
            {
                settings.Add(new KeyValuePair<string, Setting>(pair.Key, Setting.FromValue(SettingValue.FromObject(pair.Value))));
            }

            Settings = new SettingsMap(settings);
            description = "values:" + string.Join(";", settings.Select(pair => pair.Key + "=" + pair.Value.Type + ":" + JsValueFormatter.Format(pair.Value.Value.Value)));
        }

        public SettingsMap Settings { get; }

        public string Describe() => description;
    }
}
