# PSScriptAnalyzer settings for the Pester tests: the two exclusions of the root PSScriptAnalyzerSettings.psd1 (same
# reasons) and the rules that cannot follow how Pester runs a file. Every excluded rule says why.
@{
    Severity     = @('Error', 'Warning')
    ExcludeRules = @(
        # As in the root settings: Write-Host is the information stream since PowerShell 5.0.
        'PSAvoidUsingWriteHost'

        # As in the root settings: the flagged functions are test helpers, not commands.
        'PSUseShouldProcessForStateChangingFunctions'

        # Pester runs BeforeDiscovery, BeforeAll and It as separate script blocks that share variables through
        # Pester's scopes; the rule sees one block at a time and calls a variable set in BeforeAll unused.
        'PSUseDeclaredVarsMoreThanAssignments'

        # Pester binds -ForEach and -TestCases data to param() by name, often only to name the test ("<Case>"), so a
        # parameter the body does not read is still used.
        'PSReviewUnusedParameter'

        # PSScriptAnalyzer issue #1504 (open): the rule flags the parameters a job's script block declares in
        # param() and receives through -ArgumentList, which need no $using:.
        'PSUseUsingScopeModifierInNewRunspaces'

        # The tests turn made-up SDK keys into SecureStrings to check that -SdkKey and -Credential accept them;
        # there is no secret.
        'PSAvoidUsingConvertToSecureStringWithPlainText'

        # Set-TestFault -ProxyCredentials is the loopback test server's made-up 'user:password', sent as JSON to
        # its control API.
        'PSAvoidUsingPlainTextForPassword'
    )
}
