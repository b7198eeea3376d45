using System.Collections.Generic;

namespace ConfigCat.Engine.Model
{
    /// <summary>A parsed config JSON v6 document. Immutable, and shared by every thread that evaluates it.</summary>
    public sealed class Config
    {
        internal readonly Segment[] SegmentArray;

        public Config(Preferences? preferences, Segment[] segments, SettingsMap settings, ulong segmentsContentHash = 0)
        {
            Preferences = preferences;
            SegmentArray = segments;
            Settings = settings;
            SegmentsContentHash = segmentsContentHash;
        }

        public Preferences? Preferences { get; }

        public IReadOnlyList<Segment> Segments => SegmentArray;

        public SettingsMap Settings { get; }

        public string? Salt => Preferences?.Salt;

        /// <summary>A hash of the segments as written, to tell whether a new config changed them.</summary>
        internal ulong SegmentsContentHash { get; }
    }
}
