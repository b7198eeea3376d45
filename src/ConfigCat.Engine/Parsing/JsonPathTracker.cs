using System.Collections.Generic;
using System.Text;

namespace ConfigCat.Engine.Parsing
{
    /// <summary>The JSON path of the value being read, kept cheaply (names and indices, no strings built) so that a
    /// type error can say where it is.</summary>
    internal sealed class JsonPathTracker
    {
        private readonly List<(string? Name, int Index)> segments = new List<(string? Name, int Index)>();

        public void PushName(string name) => segments.Add((name, -1));

        public void PushIndex(int index) => segments.Add((null, index));

        public void Pop() => segments.RemoveAt(segments.Count - 1);

        public override string ToString()
        {
            var builder = new StringBuilder("$");
            foreach (var (name, index) in segments)
            {
                if (name != null)
                {
                    builder.Append('.').Append(name);
                }
                else
                {
                    builder.Append('[').Append(index).Append(']');
                }
            }

            return builder.ToString();
        }
    }
}
