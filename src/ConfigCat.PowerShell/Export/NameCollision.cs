using System.Collections.Generic;

namespace ConfigCat.PowerShell.Export
{
    /// <summary>Setting keys that one export format would write under the same name.</summary>
    internal sealed class NameCollision
    {
        public NameCollision(string name)
        {
            Name = name;
        }

        /// <summary>The name the first of the keys is written under.</summary>
        public string Name { get; }

        public List<string> Keys { get; } = new List<string>();
    }
}
