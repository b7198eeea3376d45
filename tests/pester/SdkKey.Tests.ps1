# The SDK key is a secret: no output, stream record, error, object property, ToString or format view may show it
# whole. A whole session is rendered to text with every stream redirected, and the text is searched for the keys; each
# key's masked form (every character but '/' and the last six replaced by '*') must be there instead.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer

    function Get-ExpectedMask {
        param([Parameter(Mandatory)] [string] $SdkKey)
        ($SdkKey.Substring(0, $SdkKey.Length - 6) -replace '[^/]', '*') + $SdkKey.Substring($SdkKey.Length - 6)
    }

    $key = New-TestSdkKey
    Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'hello' })
    # The server has no config for this one: it answers 404, which the SDK reports as error 1100 naming the key.
    $unknownKey = New-TestSdkKey
    # Well-formed apart from one character too many in the last part, so Connect-ConfigCat refuses it.
    $malformedKey = (New-TestSdkKey) + 'x'

    $session = {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $InformationPreference = 'Continue'

        $connection = Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -LogLevel Debug -PassThru
        $connection
        $connection | Format-List
        $connection | Format-List *
        $connection | Format-Table *
        $connection | Format-Custom -Depth 3
        "$connection"
        $connection | ConvertTo-Json -Depth 4
        $connection.Status | Format-List *
        $connection.Client | Format-List *
        $connection.Client.Options | Format-List *
        Get-ConfigCatValue greeting
        $details = Get-ConfigCatValue greeting -Details
        $details | Format-List *
        $details | ConvertTo-Json -Depth 4
        Get-ConfigCatValue -All -Details | Format-Table
        Get-ConfigCatKey
        Update-ConfigCat | Format-List *
        Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Secret'
        Get-EventSubscriber -SourceIdentifier 'ConfigCat.Tests.Secret' | Format-List *
        Unregister-Event -SourceIdentifier 'ConfigCat.Tests.Secret'
        Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollingMode LazyLoad
        Disconnect-ConfigCat

        $unknown = Connect-ConfigCat -SdkKey $unknownKey -BaseUrl $server.BaseUrl -PollingMode ManualPoll -LogLevel Debug -PassThru
        $refresh = Update-ConfigCat
        $refresh | Format-List *
        $refresh | ConvertTo-Json -Depth 1
        $unknown.Status | Format-List *
        Get-ConfigCatValue greeting -Default 'fallback' -Details | Format-List *
        Disconnect-ConfigCat

        try {
            Connect-ConfigCat -SdkKey $malformedKey
        }
        catch {
            $_ | Format-List * -Force
            $_.Exception | Format-List * -Force
            $_.Exception.ToString()
            $_.TargetObject
            $_.CategoryInfo | Format-List *
            "$_"
            # The error keeps the call's bound parameters, which serialization shows.
            $_.InvocationInfo.BoundParameters | Format-List *
            $_ | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
        }
    }
    $transcript = & $session *>&1 | Out-String -Width 500
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'The SDK key in a session''s output' {
    It 'the session rendered what it should (so that an empty transcript cannot pass)' {
        $transcript | Should -Match 'hello'
        $transcript | Should -Match '\[1100\]'
        $transcript | Should -Match 'ConfigCat.InvalidSdkKey'
        $transcript | Should -Match 'Evaluating'
    }

    It 'never shows the <Name> whole, only masked' -TestCases @(
        @{ Name = 'connected key'; Variable = 'key' }
        @{ Name = 'key the server does not know (error 1100)'; Variable = 'unknownKey' }
        @{ Name = 'malformed key'; Variable = 'malformedKey' }
    ) {
        param($Name, $Variable)
        $secret = Get-Variable -Name $Variable -ValueOnly
        $transcript.Contains($secret) | Should -BeFalse -Because "the $Name must stay secret"
        $transcript.Contains((Get-ExpectedMask $secret)) | Should -BeTrue -Because 'the masked form, with the last 6 characters, identifies the key'
    }

    It 'never shows either 22-character part of the connected key' {
        foreach ($part in $key.Split('/') | Select-Object -Skip 1) {
            $transcript.Contains($part) | Should -BeFalse
        }
    }
}
