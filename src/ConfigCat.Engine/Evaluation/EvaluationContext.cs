using System.Collections.Generic;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>
    /// The state of evaluating one setting, passed by reference so that an evaluation allocates nothing. A prerequisite
    /// flag gets its own context that shares the log and the chain of visited flags with its dependent.
    /// </summary>
    internal struct EvaluationContext
    {
        public EvaluationContext(string key, Setting setting, User? user, SettingsMap settings, Logger logger, EvaluationLogBuilder? log)
        {
            Key = key;
            Setting = setting;
            User = user;
            Settings = settings;
            Logger = logger;
            Log = log;
            VisitedFlags = null;
            IsMissingUserObjectLogged = false;
            IsMissingUserObjectAttributeLogged = false;
            ParsedVersionText = null;
            ParsedVersion = null;
        }

        public readonly string Key;
        public readonly Setting Setting;
        public readonly User? User;
        public readonly SettingsMap Settings;
        public readonly Logger Logger;
        public readonly EvaluationLogBuilder? Log;

        /// <summary>The keys of the flags whose prerequisites are being evaluated, to detect cycles.</summary>
        public List<string>? VisitedFlags;

        public bool IsMissingUserObjectLogged;
        public bool IsMissingUserObjectAttributeLogged;

        /// <summary>The attribute text the last version comparison parsed, and what it parsed to (null: not a valid
        /// version). The rules of a setting usually compare the same attribute, so one evaluation parses it once, not
        /// once per rule.</summary>
        public string? ParsedVersionText;
        public SemVersion? ParsedVersion;

        public EvaluationContext ForPrerequisite(string key, Setting setting)
        {
            VisitedFlags ??= new List<string>();
            return new EvaluationContext(key, setting, User, Settings, Logger, Log) { VisitedFlags = VisitedFlags };
        }
    }
}
