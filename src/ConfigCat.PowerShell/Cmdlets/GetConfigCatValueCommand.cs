using System;
using System.Management.Automation;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Evaluation;
using ConfigCat.PowerShell.Completion;
using ConfigCat.PowerShell.Conversion;
using ConfigCat.PowerShell.Output;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>
    /// Evaluates feature flags and settings. Every key of one call is evaluated against the same config snapshot.
    /// Problems (unknown key, a default of the wrong type, a user attribute a comparator cannot read, no config
    /// because the network is down) never become errors: the default is returned and a warning says why.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ConfigCatValue", DefaultParameterSetName = KeySet)]
    [OutputType(typeof(bool), typeof(string), typeof(int), typeof(long), typeof(double), ParameterSetName = new[] { KeySet })]
    [OutputType(typeof(EvaluationDetails), typeof(SettingKeyValue), ParameterSetName = new[] { KeySet, AllSet })]
    public sealed class GetConfigCatValueCommand : ConnectedCmdlet
    {
        private const string KeySet = "Key";
        private const string AllSet = "All";

        private ConfigSnapshot? snapshot;
        private object? defaultValue;
        private string? defaultProblem;
        private User? user;
        private string? userProblem;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = KeySet)]
        [ArgumentCompleter(typeof(SettingKeyCompleter))]
        public string[] Key { get; set; } = Array.Empty<string>();

        [Parameter(Position = 1, ParameterSetName = KeySet)]
        [Alias("DefaultValue")]
        [AllowNull]
        public object? Default { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        [Parameter]
        public object? User { get; set; }

        [Parameter]
        public SwitchParameter Details { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            defaultProblem = DefaultValueConverter.TryNormalize(Default, out defaultValue);
            try
            {
                user = UserConverter.Convert(User) ?? Connection.DefaultUser;
            }
            catch (ArgumentException e)
            {
                userProblem = "-User: " + e.Message;
            }

            snapshot = UntilStopped(Connection.Client.GetSnapshot);
        }

        protected override void ProcessRecord()
        {
            if (All)
            {
                return;
            }

            foreach (var key in Key)
            {
                Evaluate(key);
            }
        }

        protected override void EndProcessing()
        {
            if (All)
            {
                EvaluateAll();
            }

            WriteMissingUserWarning();
            base.EndProcessing();
        }

        private void Evaluate(string key)
        {
            var problem = defaultProblem ?? userProblem;
            EvaluationResult result;
            if (problem != null)
            {
                WriteWarning("ConfigCat: " + problem + " Returning the default value for '" + key + "'.");
                result = EvaluationResult.Failure(PowerShellValues.Unwrap(Default), EvaluationErrorCode.UnexpectedError, problem);
            }
            else
            {
                result = Evaluate(snapshot!, key, defaultValue, user);
                WriteEvaluationLog(key);
            }

            if (Details)
            {
                WriteObject(new EvaluationDetails(key, result, user, snapshot!.FetchTime));
            }
            else
            {
                WriteObject(result.Value);
            }
        }

        private void EvaluateAll()
        {
            if (userProblem != null)
            {
                WriteWarning("ConfigCat: " + userProblem + " No values were evaluated.");
                return;
            }

            if (snapshot!.Settings == null)
            {
                snapshot.GetAllValueDetails(user, CallLogger);
                WriteLogEvents(CallLog.Take());
                return;
            }

            foreach (var key in snapshot.Settings.Keys)
            {
                var details = snapshot.GetValueDetails(key, null, user, CallLogger);
                WriteEvaluationLog(key);
                WriteObject(Details ? (object)details : new SettingKeyValue(details.Key, details.Value));
            }
        }
    }
}
