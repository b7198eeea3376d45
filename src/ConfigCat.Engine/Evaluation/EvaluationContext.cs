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

        public EvaluationContext ForPrerequisite(string key, Setting setting)
        {
            VisitedFlags ??= new List<string>();
            return new EvaluationContext(key, setting, User, Settings, Logger, Log) { VisitedFlags = VisitedFlags };
        }
    }
}
