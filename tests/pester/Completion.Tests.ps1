# Tab completion of Get-ConfigCatValue -Key through TabExpansion2, as an editor or the console asks for it: the keys of
# the config already in memory that start with the typed text, in any case, and never a request to the server.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    $key = New-TestSdkKey
    Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values ([ordered]@{ greeting = 'hi'; GreenButton = $true; 'green light' = 1; other = 2 }))

    function Get-Completion {
        param([Parameter(Mandatory)] [string] $InputScript)
        @((TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches | ForEach-Object CompletionText)
    }
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Get-ConfigCatValue -Key completion' {
    Context 'when connected' {
        BeforeAll {
            # LazyLoad with a 1 s time-to-live: once it has expired, any read of the config would download again.
            Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollingMode LazyLoad -CacheTimeToLiveSeconds 1
            Get-ConfigCatValue greeting | Out-Null
            Start-Sleep -Milliseconds 1200
            $requestsBefore = @(Get-TestRequest -Server $server -SdkKey $key).Count
        }

        It 'completes "<Typed>" with the matching keys (<Case>)' -TestCases @(
            @{ Case = 'as the keys are written'; Typed = 'Get-ConfigCatValue -Key gre'; Expected = @('greeting', 'GreenButton', "'green light'") }
            @{ Case = 'in other case'; Typed = 'Get-ConfigCatValue -Key GRE'; Expected = @('greeting', 'GreenButton', "'green light'") }
            @{ Case = 'positional'; Typed = 'Get-ConfigCatValue oth'; Expected = @('other') }
            @{ Case = 'a longer prefix'; Typed = 'Get-ConfigCatValue -Key greenb'; Expected = @('GreenButton') }
            @{ Case = 'after an opening quote'; Typed = 'Get-ConfigCatValue -Key ''green '; Expected = @("'green light'") }
        ) {
            param($Case, $Typed, $Expected)
            Get-Completion $Typed | Sort-Object | Should -Be ($Expected | Sort-Object)
        }

        It 'offers nothing for a prefix no key has' {
            Get-Completion 'Get-ConfigCatValue -Key zz' | Should -BeNullOrEmpty
        }

        It 'sent no request to the server' {
            @(Get-TestRequest -Server $server -SdkKey $key).Count | Should -Be $requestsBefore
        }

        It 'the expired config is downloaded again on the next read (so the request count above could have grown)' {
            Get-ConfigCatValue greeting | Should -Be 'hi'
            @(Get-TestRequest -Server $server -SdkKey $key).Count | Should -Be ($requestsBefore + 1)
        }
    }

    Context 'when not connected' {
        BeforeAll { Disconnect-ConfigCat }

        It 'offers no key and writes no error' {
            $Error.Clear()
            Get-Completion 'Get-ConfigCatValue -Key gre' | Where-Object { $_ -in 'greeting', 'GreenButton' } | Should -BeNullOrEmpty
            $Error | Should -BeNullOrEmpty
        }
    }
}

Describe 'Test-ConfigCatFlag -Key and Get-ConfigCatKey -VariationId completion' {
    BeforeAll { Connect-TestServer -Server $server -SdkKey $key }
    AfterAll { Disconnect-ConfigCat }

    It 'offers only the boolean flags to Test-ConfigCatFlag' {
        Get-Completion 'Test-ConfigCatFlag -Key ' | Should -Be @('GreenButton')
        Get-Completion 'Test-ConfigCatFlag gre' | Should -Be @('GreenButton')
    }

    It 'offers variation IDs, not file names, to Get-ConfigCatKey -VariationId' {
        Get-Completion 'Get-ConfigCatKey -VariationId v-g' | Should -Be @('v-greeting-hi', 'v-GreenButton-True', "'v-green light-1'")
    }
}
