# Messages in PowerShell's terms: type names with the right article, hints only where they apply, and no mention of a
# -Default the call did not give.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
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

Describe 'A proxy that asks for credentials' {
    It 'gets a hint to -ProxyCredential with its 407' {
        Set-TestFault -Server $server -Fault None -ProxyCredentials 'proxyuser:proxypass'
        try {
            Connect-ConfigCat -SdkKey (New-TestSdkKey) -BaseUrl 'http://configcat-cdn.invalid' -Proxy $server.BaseUrl -PollingMode ManualPoll
            $result = Update-ConfigCat -WarningVariable warnings 3>$null
            $result.IsSuccess | Should -BeFalse
            "$warnings" | Should -Match '407'
            "$warnings" | Should -Match 'Pass its user name and password with -ProxyCredential\.'
        }
        finally {
            Set-TestFault -Server $server -Fault None
        }
    }
}
