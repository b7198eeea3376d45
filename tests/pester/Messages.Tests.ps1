# Messages in PowerShell's terms: type names with the right article, hints only where they apply, and no mention of a
# -Default the call did not give.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module ConfigCat
}

AfterAll {
    Disconnect-ConfigCat
}

Describe 'Type names in messages' {
    BeforeAll { Connect-ConfigCat -FlagOverrides @{ isOn = $true } -OverrideBehaviour LocalOnly }

    It 'writes "an Int32" for a -User that cannot describe a user' {
        $null = Get-ConfigCatValue -Key isOn -Default $false -User 42 -WarningVariable warnings 3>$null
        "$warnings" | Should -Match 'An Int32 cannot describe a user\.'
    }

    It 'writes "an ArrayList" for a -Default no setting can have' {
        $null = Get-ConfigCatValue -Key isOn -Default ([System.Collections.ArrayList]::new()) -WarningVariable warnings 3>$null
        "$warnings" | Should -Match 'is an ArrayList, which no setting can have\.'
    }
}

Describe 'The SDK key message' {
    It 'mentions ConfigCat Proxy keys only for a key that looks like one: <Key>' -TestCases @(
        @{ Key = 'not-a-key'; Hint = $false }
        @{ Key = 'configcat-sdk-1/short/key'; Hint = $false }
        @{ Key = 'configcat-proxy/my-proxy-key'; Hint = $true }
    ) {
        param($Key, $Hint)
        $failure = { Connect-ConfigCat -SdkKey $Key -PollingMode ManualPoll } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.InvalidSdkKey,*'
        ($failure.Exception.Message -match 'configcat-proxy') | Should -Be $Hint
        $failure.Exception.Message | Should -Match '\.$'
    }
}

Describe 'Export-ConfigCatValue warning for a missing key' {
    BeforeAll { Connect-ConfigCat -FlagOverrides @{ isOn = $true } -OverrideBehaviour LocalOnly }

    It 'does not mention -Default when the call has none for the key' {
        $null = Export-ConfigCatValue -Key isOn, nosuchkey -Format Json -WarningVariable warnings 3>$null
        "$warnings" | Should -Match "nosuchkey"
        "$warnings" | Should -Not -Match 'Default'
    }

    It 'names the value of -Default that was used for the key' {
        $json = Export-ConfigCatValue -Key isOn, nosuchkey -Default @{ nosuchkey = 'fallback' } -Format Json -WarningVariable warnings 3>$null
        ($json | ConvertFrom-Json).nosuchkey | Should -Be 'fallback'
        "$warnings" | Should -Match "nosuchkey"
        "$warnings" | Should -Match "'fallback'"
    }

    It 'does not mention -Default for Get-ConfigCatValue without one' {
        $null = Get-ConfigCatValue -Key nosuchkey -WarningVariable warnings 3>$null
        "$warnings" | Should -Match "nosuchkey"
        "$warnings" | Should -Not -Match 'Default'
    }
}
