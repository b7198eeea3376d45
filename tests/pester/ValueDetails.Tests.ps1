# What Get-ConfigCatValue -Details shows about why a value was chosen: the matched targeting rule in the evaluation
# log's words (user, segment and prerequisite conditions AND-ed), and a details object that reads well as a string.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    $key = New-TestSdkKey
    $json = @{
        p = @{ u = 'https://cdn-global.configcat.com'; r = 0; s = 'dGVzdC1zYWx0' }
        s = @(@{ n = 'Beta testers'; r = @(@{ a = 'Email'; c = 2; l = @('@example.com') }) })
        f = [ordered]@{
            isEnabled = @{ t = 0; v = @{ b = $true }; i = 'on' }
            geo       = @{
                t = 1; v = @{ s = 'elsewhere' }; i = 'geo-default'
                r = @(@{
                        c = @(
                            @{ u = @{ a = 'Country'; c = 0; l = @('HU', 'AT') } }
                            @{ s = @{ s = 0; c = 0 } }
                            @{ p = @{ f = 'isEnabled'; c = 0; v = @{ b = $true } } }
                        )
                        s = @{ v = @{ s = 'central' }; i = 'geo-central' }
                    })
            }
            rollout   = @{
                t = 0; v = @{ b = $false }; i = 'rollout-default'
                r = @(@{
                        c = @(@{ u = @{ a = 'Plan'; c = 28; s = 'Pro' } })
                        p = @(@{ p = 100; v = @{ b = $true }; i = 'rollout-pro' }, @{ p = 0; v = @{ b = $false }; i = 'rollout-none' })
                    })
            }
        }
    } | ConvertTo-Json -Depth 20 -Compress
    Set-TestConfig -Server $server -SdkKey $key -Json $json
    Connect-TestServer -Server $server -SdkKey $key
    $centralUser = @{ Identifier = 'u1'; Country = 'HU'; Email = 'ann@example.com' }
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Get-ConfigCatValue -Details' {
    It 'shows the matched targeting rule as the evaluation log writes it' {
        $details = Get-ConfigCatValue -Key geo -User $centralUser -Details
        $details.Value | Should -Be 'central'
        "$($details.MatchedTargetingRule)" |
            Should -BeExactly "User.Country IS ONE OF ['HU', 'AT'] AND User IS IN SEGMENT 'Beta testers' AND Flag 'isEnabled' EQUALS 'true'"
    }

    It 'shows the rule text in its list view' {
        $text = Get-ConfigCatValue -Key geo -User $centralUser -Details | Format-List | Out-String -Width 300
        $text | Should -Match ([regex]::Escape("MatchedTargetingRule    : User.Country IS ONE OF ['HU', 'AT'] AND User IS IN SEGMENT"))
    }

    It 'reads as key, value and why when turned into a string: <Case>' -TestCases @(
        @{ Case = 'a targeting rule'; Key = 'geo'; User = @{ Identifier = 'u1'; Country = 'AT'; Email = 'bob@example.com' }
            Expected = "geo = 'central' (targeting rule: User.Country IS ONE OF ['HU', 'AT'] AND User IS IN SEGMENT 'Beta testers' AND Flag 'isEnabled' EQUALS 'true')" }
        @{ Case = 'a % option of a rule'; Key = 'rollout'; User = @{ Identifier = 'u1'; Plan = 'Pro' }
            Expected = "rollout = 'true' (targeting rule: User.Plan EQUALS 'Pro', then the 100% option)" }
        @{ Case = 'no rule'; Key = 'geo'; User = @{ Identifier = 'u1'; Country = 'DE' }
            Expected = "geo = 'elsewhere' (no targeting rule matched)" }
    ) {
        param($Key, $User, $Expected)
        "$(Get-ConfigCatValue -Key $Key -User $User -Details)" | Should -BeExactly $Expected
    }

    It 'reads as key, default value and the reason when the default was returned' {
        $details = Get-ConfigCatValue -Key nosuchkey -Default 'fallback' -Details 3>$null
        "$details" | Should -BeExactly "nosuchkey = 'fallback' (the default value: $($details.ErrorMessage))"
        $details.ErrorMessage | Should -Not -BeNullOrEmpty
    }
}
