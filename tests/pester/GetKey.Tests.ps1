# Get-ConfigCatKey end to end against the test server: the keys in the config's own order, and the key and value that
# carry a variation ID, where an unknown ID is a warning, never an error.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    $key = New-TestSdkKey
    # Neither alphabetical nor any hashtable order, so that only document order can pass.
    $values = [ordered]@{ zeta = 'last letter'; alpha = 1; Mid = $true; beta = 2.5 }
    $targeted = @{ t = 1; v = @{ s = 'everyone' }; i = 'served-everyone'; r = @(@{ c = @(@{ u = @{ a = 'Email'; c = 2; l = @('@example.com') } }); s = @{ v = @{ s = 'staff' }; i = 'served-staff' } }) }
    Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $values -RawSettings @{ audience = $targeted })
    Connect-TestServer -Server $server -SdkKey $key
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Get-ConfigCatKey' {
    It 'lists the keys in document order' {
        Get-ConfigCatKey | Should -Be @('zeta', 'alpha', 'Mid', 'beta', 'audience')
    }

    It 'lists strings' {
        Get-ConfigCatKey | ForEach-Object { $_ | Should -BeOfType ([string]) }
    }

    It 'with -VariationId <VariationId> finds <Key> = <Value>' -TestCases @(
        @{ VariationId = 'v-zeta-last letter'; Key = 'zeta'; Value = 'last letter' }
        @{ VariationId = 'v-alpha-1'; Key = 'alpha'; Value = 1 }
        @{ VariationId = 'v-Mid-True'; Key = 'Mid'; Value = $true }
        @{ VariationId = 'served-staff'; Key = 'audience'; Value = 'staff' }
    ) {
        param($VariationId, $Key, $Value)
        $found = Get-ConfigCatKey -VariationId $VariationId
        $found | Should -BeOfType ([ConfigCat.PowerShell.Output.SettingKeyValue])
        $found.Key | Should -BeExactly $Key
        $found.Value | Should -Be $Value
        $found.Value.GetType() | Should -Be $Value.GetType()
    }

    It 'takes variation IDs from the pipeline' {
        $found = 'v-alpha-1', 'served-everyone' | Get-ConfigCatKey
        $found.Key | Should -Be @('alpha', 'audience')
        $found.Value | Should -Be @(1, 'everyone')
    }

    It 'for an unknown variation ID writes a warning naming it, and no error' {
        $ErrorActionPreference = 'Stop'
        $found = Get-ConfigCatKey -VariationId 'no-such-id' -WarningVariable warnings -ErrorVariable errors 3>$null
        $found | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
        @($warnings).Count | Should -Be 1
        "$warnings" | Should -Match "\[2011\].*'no-such-id'"
    }

    It 'keeps going after an unknown variation ID' {
        $found = 'no-such-id', 'v-alpha-1' | Get-ConfigCatKey 3>$null
        $found.Key | Should -Be 'alpha'
    }
}
