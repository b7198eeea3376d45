# PSScriptAnalyzer settings for the repository's PowerShell files (build/Invoke-ScriptAnalysis.ps1 uses the nearest
# PSScriptAnalyzerSettings.psd1 at or above each file; editors pick this one up too). Every excluded rule says why.
@{
    Severity     = @('Error', 'Warning')
    ExcludeRules = @(
        # Since PowerShell 5.0, Write-Host writes to the information stream, so it can be silenced, captured and
        # redirected (6>); the rule's concern is PowerShell 4 and older, which the module does not support. The build,
        # bench and demo use it for progress and summaries meant for a person; data goes down the pipeline.
        'PSAvoidUsingWriteHost'

        # The rule goes by the verb alone (New-, Set-, Start-, Stop-). The functions it flags are private helpers of
        # the build, tests and bench (New-SuiteResult only builds an object); a -WhatIf they never honour would be a
        # false promise. The module's own cmdlets are C# and outside this rule.
        'PSUseShouldProcessForStateChangingFunctions'
    )
}
