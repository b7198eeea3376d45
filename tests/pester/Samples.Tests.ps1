# The samples as users run them, each in a fresh pwsh against the staged module:
# - samples/OfflineDemo.ps1 (what `build.ps1 Demo` runs), whose printed values are checked against values derived from
#   the rules of samples/sample-config.json by hand, and for the 25% rollout by the percentage hash recipe of the
#   ConfigCat spec computed here with SHA-1, never by the module's engine;
# - samples/Runbook-Webhook.ps1 with $WebhookData shaped as Azure Automation passes it, signed here by ConfigCat's
#   documented recipe with .NET's HMACSHA256, against the loopback test server;
# - samples/Runbook.ps1 and the flag-reading steps of samples/azure-pipelines.yml and samples/github-actions.yml,
#   against the loopback test server (Connect-ConfigCat's -BaseUrl is supplied through $PSDefaultParameterValues, so
#   the samples run unchanged).

BeforeAll {
    Set-StrictMode -Version Latest
    $repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1') -Force
    $samples = Join-Path $repositoryRoot 'samples'
    $stagedManifest = Join-Path $repositoryRoot 'out/ConfigCat/ConfigCat.psd1'

    function Invoke-Sample {
        <#
        .SYNOPSIS
        Runs a script in a fresh pwsh with the given environment and returns its exit code and output lines (all streams).
        #>
        param([Parameter(Mandatory)] [string] $Script, [string[]] $ArgumentList = @(), [hashtable] $Environment = @{})

        $path = Join-Path $TestDrive ("sample-" + [guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content -LiteralPath $path -Value $Script
        $childEnvironment = @{ CONFIGCAT_SDK_KEY = $null; NO_COLOR = '1'; TMPDIR = "$TestDrive" }
        foreach ($name in $Environment.Keys) { $childEnvironment[$name] = $Environment[$name] }
        Invoke-ChildPwsh -ArgumentList (@('-File', $path) + $ArgumentList) -Environment $childEnvironment -CaptureOutput
    }

    function Get-YamlStepScript {
        <#
        .SYNOPSIS
        The literal block (`run: |` or `script: |`) of the pipeline step whose name or displayName is $StepName.
        #>
        param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $StepName, [Parameter(Mandatory)] [string] $Key)

        $lines = @(Get-Content -LiteralPath $Path)
        $step = [Array]::FindIndex([string[]]$lines, [Predicate[string]] { param($line) $line -match "^\s*-?\s*(name|displayName):\s*$([regex]::Escape($StepName))\s*$" })
        if ($step -lt 0) { throw "No step '$StepName' in $Path." }
        for ($i = $step; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -match "^(\s*)$Key\s*:\s*\|\s*$") {
                $indent = $Matches[1].Length
                $block = for ($j = $i + 1; $j -lt $lines.Count; $j++) {
                    if ($lines[$j].Trim() -and ($lines[$j].Length - $lines[$j].TrimStart().Length) -le $indent) { break }
                    $lines[$j]
                }
                $margin = (@($block | Where-Object { $_.Trim() } | ForEach-Object { $_.Length - $_.TrimStart().Length }) | Measure-Object -Minimum).Minimum
                return (@($block | ForEach-Object { if ($_.Length -ge $margin) { $_.Substring($margin) } else { '' } }) -join "`n")
            }
        }
        throw "Step '$StepName' in $Path has no '${Key}: |' block."
    }

    # The wrapper that runs a sample against the loopback server: a real Connect-ConfigCat, only its -BaseUrl defaulted.
    $againstServer = @'
param([string] $BaseUrl, [string] $SamplePath, [string] $RunbookArguments)
$ErrorActionPreference = 'Stop'
$PSDefaultParameterValues['Connect-ConfigCat:BaseUrl'] = $BaseUrl
function Get-AutomationVariable([string] $Name) { if ($Name -eq 'ConfigCatSdkKey') { $env:TEST_AUTOMATION_SDK_KEY } }
if ($RunbookArguments) {
    $arguments = $RunbookArguments | ConvertFrom-Json -AsHashtable
    & $SamplePath @arguments | ForEach-Object { "RESULT $($_ | ConvertTo-Json -Compress)" }
}
else {
    . $SamplePath
}
'@
}

Describe 'samples/OfflineDemo.ps1' {
    BeforeAll {
        $run = Invoke-Sample -Script "& '$samples/OfflineDemo.ps1' -ModulePath '$stagedManifest'" -Environment @{ HTTPS_PROXY = 'http://127.0.0.1:9'; HTTP_PROXY = 'http://127.0.0.1:9' }
        $output = $run.Output
        # Table rows: User Email Country paymentsEnabled newCheckout discountPercent darkMode oneClickBuy
        $rows = @($output | Where-Object { $_ -match '^(ada|bela|carol|dan)\s' } | ForEach-Object {
                $cells = $_ -split '\s+'
                [pscustomobject]@{ User = $cells[0]; Payments = $cells[3]; NewCheckout = $cells[4]; Discount = $cells[5]; DarkMode = $cells[6]; OneClick = $cells[7] }
            })
        $before = @($rows | Select-Object -First 4)
        $after = @($rows | Select-Object -Skip 4)

        $config = Get-Content -LiteralPath (Join-Path $samples 'sample-config.json') -Raw | ConvertFrom-Json
        function Get-ExpectedRollout([string] $Identifier) {
            # ConfigCat's percentage hash: SHA-1 of key + identifier, first 7 hex digits, modulo 100; the first option
            # whose running sum of percentages exceeds it wins.
            $sha1 = [Security.Cryptography.SHA1]::Create()
            $hex = -join ($sha1.ComputeHash([Text.Encoding]::UTF8.GetBytes("newCheckout$Identifier")) | ForEach-Object { $_.ToString('x2') })
            $bucket = [Convert]::ToInt32($hex.Substring(0, 7), 16) % 100
            $sum = 0
            foreach ($option in $config.f.newCheckout.p) {
                $sum += $option.p
                if ($bucket -lt $sum) { return "$($option.v.b)" }
            }
        }
    }

    It 'runs without errors, SDK key or network' {
        $run.ExitCode | Should -Be 0 -Because ($output -join "`n")
        @($output | Where-Object { $_ -match 'ConfigCat \[1\d\d\d\]' }) | Should -BeNullOrEmpty
    }

    It 'prints a row per user, before and after the kill switch' {
        @($rows.User) -join ',' | Should -Be 'ada,bela,carol,dan,ada,bela,carol,dan'
    }

    It 'serves discountPercent by the targeting rules: staff email first, then HU/AT' {
        @($before.Discount) -join ',' | Should -Be '30,15,0,15' -Because 'ada@contoso.com is staff, bela is in HU, carol in the US, dan in AT'
    }

    It 'turns darkMode on for the Beta testers segment only' {
        @($before.DarkMode) -join ',' | Should -Be 'True,False,False,True' -Because 'the segment lists ada@contoso.com and dan@example.org'
    }

    It 'rolls newCheckout out by the ConfigCat percentage hash of the user identifier' {
        foreach ($row in $before) {
            $row.NewCheckout | Should -Be (Get-ExpectedRollout $row.User) -Because "the 25% rollout for $($row.User)"
        }
    }

    It 'keeps the payments kill switch on and oneClickBuy, which needs it, on for everyone' {
        @($before.Payments + $before.OneClick | Sort-Object -Unique) | Should -Be 'True'
    }

    It 'turns oneClickBuy off with the kill switch, through its prerequisite' {
        @($after.Payments + $after.OneClick | Sort-Object -Unique) | Should -Be 'False'
        @($after.Discount) -join ',' | Should -Be '30,15,0,15'
    }

    It 'explains bela''s discount with -Details' {
        $output | Should -Contain 'VariationId    : discount-region'
    }

    It 'shows the evaluation log of one call with -Verbose' {
        ($output -join "`n") | Should -Match ([regex]::Escape("VERBOSE: ConfigCat [5000] Evaluating 'darkMode' for User '{""Identifier"":""ada"""))
        $output | Should -Contain "      Segment evaluation result: User IS IN SEGMENT."
        $output | Should -Contain "  Returning 'true'."
    }
}

Describe 'Runbook and pipeline samples against a local ConfigCat CDN' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
        $server = Start-TestConfigServer
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values ([ordered]@{ deployToCanary = $true; maxUploadMb = 50 }))
        $wrapper = $againstServer
    }

    AfterAll {
        Set-TestFault -Server $server -Fault None
        Stop-TestConfigServer -Server $server
    }

    It 'Runbook.ps1 takes the key from the Automation variable and outputs the flags' {
        $arguments = @{ Key = @('deployToCanary', 'missingFlag') } | ConvertTo-Json -Compress
        $run = Invoke-Sample -Script $wrapper -ArgumentList $server.BaseUrl, "$samples/Runbook.ps1", $arguments -Environment @{ TEST_AUTOMATION_SDK_KEY = $key }
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $results = @($run.Output | Where-Object { $_ -like 'RESULT *' } | ForEach-Object { $_.Substring(7) | ConvertFrom-Json })
        $results.Key -join ',' | Should -Be 'deployToCanary,missingFlag'
        $results[0].Value | Should -BeTrue
        $results[0].IsDefaultValue | Should -BeFalse
        $results[1].IsDefaultValue | Should -BeTrue
        @(Get-ChildItem -LiteralPath (Join-Path $TestDrive 'configcat-cache') -Filter '*.cache').Count | Should -Be 1
    }

    It 'Runbook.ps1 falls back to CONFIGCAT_SDK_KEY and to its file cache when the CDN fails' {
        Set-TestFault -Server $server -Fault Status -Status 500
        try {
            $run = Invoke-Sample -Script $wrapper -ArgumentList $server.BaseUrl, "$samples/Runbook.ps1", '{}' -Environment @{ CONFIGCAT_SDK_KEY = $key }
        }
        finally {
            Set-TestFault -Server $server -Fault None
        }
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        ($run.Output -join "`n") | Should -Match 'ConfigCat \[1101\]'
        $results = @($run.Output | Where-Object { $_ -like 'RESULT *' } | ForEach-Object { $_.Substring(7) | ConvertFrom-Json })
        $results.Key -join ',' | Should -Be 'deployToCanary,maxUploadMb' -Because 'all settings come from the cache the previous run wrote'
        $results[1].Value | Should -Be 50
    }

    It 'azure-pipelines.yml sets the output variable deployToCanary' {
        $step = Get-YamlStepScript -Path "$samples/azure-pipelines.yml" -StepName 'Read feature flag' -Key 'script'
        Set-Content -LiteralPath (Join-Path $TestDrive 'ado-step.ps1') -Value $step
        $run = Invoke-Sample -Script $wrapper -ArgumentList $server.BaseUrl, (Join-Path $TestDrive 'ado-step.ps1') -Environment @{ CONFIGCAT_SDK_KEY = $key; AGENT_TEMPDIRECTORY = "$TestDrive" }
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain '##vso[task.setvariable variable=deployToCanary;isOutput=true]True'
    }

    It 'github-actions.yml writes deployToCanary=<Expected> to GITHUB_OUTPUT (<Case>)' -TestCases @(
        @{ Case = 'a known SDK key'; Known = $true; Expected = 'true' }
        @{ Case = 'a wrong SDK key: default value and a warning annotation'; Known = $false; Expected = 'false' }
    ) {
        param($Case, $Known, $Expected)
        $step = Get-YamlStepScript -Path "$samples/github-actions.yml" -StepName 'Read feature flag' -Key 'run'
        $stepPath = Join-Path $TestDrive 'github-step.ps1'
        Set-Content -LiteralPath $stepPath -Value $step
        $outputFile = Join-Path $TestDrive ("github-output-" + [guid]::NewGuid().ToString('N'))
        $sdkKey = if ($Known) { $key } else { New-TestSdkKey }
        $run = Invoke-Sample -Script $wrapper -ArgumentList $server.BaseUrl, $stepPath -Environment @{ CONFIGCAT_SDK_KEY = $sdkKey; RUNNER_TEMP = "$TestDrive"; GITHUB_OUTPUT = $outputFile }
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        @(Get-Content -LiteralPath $outputFile) | Should -Be @("deployToCanary=$Expected")
        $annotations = @($run.Output | Where-Object { $_ -like '::warning title=ConfigCat::*' })
        if ($Known) {
            $annotations | Should -BeNullOrEmpty
        }
        else {
            ($annotations -join "`n") | Should -Match 'ConfigCat \[1100\]'
        }
    }
}

Describe 'samples/Runbook-Webhook.ps1 started by a ConfigCat webhook' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
        $server = Start-TestConfigServer
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values ([ordered]@{ maintenanceMode = $true; other = 1 }))
        $signingKey = 'configcat_whsk_SamplesTestSigningKey000000000000000000000000='

        # Azure Automation's side: Get-AutomationVariable decrypts the variables, and $WebhookData arrives deserialized
        # from JSON (RequestHeader a PSCustomObject, RequestBody the body as a string).
        $runner = @'
param([string] $BaseUrl, [string] $SamplePath)
$ErrorActionPreference = 'Stop'
$PSDefaultParameterValues['Connect-ConfigCat:BaseUrl'] = $BaseUrl
function Get-AutomationVariable([string] $Name) {
    switch ($Name) { 'ConfigCatSdkKey' { $env:TEST_AUTOMATION_SDK_KEY } 'ConfigCatWebhookSigningKey' { $env:TEST_AUTOMATION_SIGNING_KEY } }
}
& $SamplePath -WebhookData ($env:TEST_WEBHOOK_DATA | ConvertFrom-Json) -FlagKey maintenanceMode
'@

        function Invoke-WebhookRunbook([string] $ChangedKey, [string] $StoredSigningKeys = $signingKey, [switch] $TamperBody) {
            $id = [guid]::NewGuid().ToString('N')
            $timestamp = "$([DateTimeOffset]::UtcNow.ToUnixTimeSeconds())"
            $body = '[{"settingKey":"' + $ChangedKey + '","event":"changed","details":"\r\n' + $ChangedKey + ': false ➔ true"}]'
            $hmac = [System.Security.Cryptography.HMACSHA256]::new([System.Text.Encoding]::UTF8.GetBytes($signingKey))
            $signature = [Convert]::ToBase64String($hmac.ComputeHash([System.Text.Encoding]::UTF8.GetBytes("$id$timestamp$body")))
            $hmac.Dispose()
            if ($TamperBody) { $body = $body.Replace('true', 'TRUE') }
            $webhookData = [ordered]@{
                WebhookName   = 'configcat-maintenance'
                RequestBody   = $body
                RequestHeader = [ordered]@{
                    Host                               = 'example.webhook.we.azure-automation.net'
                    'X-ConfigCat-Webhook-ID'           = $id
                    'X-ConfigCat-Webhook-Timestamp'    = $timestamp
                    'X-ConfigCat-Webhook-Signature-V1' = $signature
                }
            } | ConvertTo-Json -Compress
            $run = Invoke-Sample -Script $runner -ArgumentList $server.BaseUrl, "$samples/Runbook-Webhook.ps1" -Environment @{
                TEST_AUTOMATION_SDK_KEY = $key; TEST_AUTOMATION_SIGNING_KEY = $StoredSigningKeys; TEST_WEBHOOK_DATA = $webhookData
            }
            ($run.Output -join "`n") | Should -Not -Match ([regex]::Escape($signingKey.Substring(15))) -Because 'the signing key never reaches the job log'
            $run | Add-Member -NotePropertyName Id -NotePropertyValue $id -PassThru
        }
    }

    AfterAll {
        Stop-TestConfigServer -Server $server
    }

    It 'verifies the call, refreshes the config and acts on the flag' {
        $run = Invoke-WebhookRunbook -ChangedKey maintenanceMode
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain "Verified webhook call $($run.Id)."
        $run.Output | Should -Contain 'maintenanceMode is on: opening the maintenance window.'
    }

    It 'accepts the call during a key rotation (both keys in the variable)' {
        $run = Invoke-WebhookRunbook -ChangedKey maintenanceMode -StoredSigningKeys "configcat_whsk_TheNewKeyOfTheRotation,$signingKey"
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain 'maintenanceMode is on: opening the maintenance window.'
    }

    It 'fails the job without acting when the body was altered' {
        $run = Invoke-WebhookRunbook -ChangedKey maintenanceMode -TamperBody
        $run.ExitCode | Should -Not -Be 0
        ($run.Output -join "`n") | Should -Match ([regex]::Escape('Rejected the webhook call (NoSignatureMatched)'))
        @($run.Output | Where-Object { $_ -like '*maintenance window*' }) | Should -BeNullOrEmpty
    }

    It 'ends without acting when another flag changed' {
        $run = Invoke-WebhookRunbook -ChangedKey other
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output | Should -Contain 'maintenanceMode did not change (changed: other).'
        @($run.Output | Where-Object { $_ -like '*maintenance window*' }) | Should -BeNullOrEmpty
    }
}

Describe 'Sample scripts' {
    It '<_> parses' -ForEach @('OfflineDemo.ps1', 'Runbook.ps1', 'Runbook-Webhook.ps1') {
        $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseFile((Join-Path $samples $_), [ref]$null, [ref]$errors)
        $errors | Should -BeNullOrEmpty
    }
}
