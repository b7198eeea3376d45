# Warnings once per call: reading several targeted settings without a user writes one 3001 that names them all,
# not one per setting.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module ConfigCat
    $configFile = Join-Path $TestDrive 'targeted.json'
    Set-Content -LiteralPath $configFile -Encoding utf8 -Value @'
{ "f": {
    "a": { "t": 0, "v": { "b": false }, "r": [ { "c": [ { "u": { "a": "Email", "c": 28, "s": "x" } } ], "s": { "v": { "b": true } } } ] },
    "plain": { "t": 1, "v": { "s": "p" } },
    "b": { "t": 0, "v": { "b": false }, "r": [ { "c": [ { "u": { "a": "Country", "c": 28, "s": "HU" } } ], "s": { "v": { "b": true } } } ] }
} }
'@
    Connect-ConfigCat -FlagOverrides $configFile
}

AfterAll { Disconnect-ConfigCat }

Describe 'The missing-user warning 3001' {
    It 'is written once by <Command>, naming every targeted setting' -TestCases @(
        @{ Command = 'Get-ConfigCatValue -All'; Call = { Get-ConfigCatValue -All } }
        @{ Command = 'Get-ConfigCatValue -Key a, b'; Call = { Get-ConfigCatValue -Key a, b } }
        @{ Command = 'Export-ConfigCatValue -All'; Call = { Export-ConfigCatValue -All -Format Json } }
    ) {
        param($Command, $Call)
        $warnings = @(& $Call 3>&1 | Where-Object { $_ -is [Management.Automation.WarningRecord] })
        @($warnings) | Should -HaveCount 1
        "$($warnings[0])" | Should -BeLike "ConfigCat ``[3001``] Cannot evaluate targeting rules and % options for settings 'a', 'b' (User Object is missing).*"
    }

    It 'keeps the SDK''s own text for a single setting' {
        $null = Get-ConfigCatValue -Key a -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings) | Should -HaveCount 1
        "$($warnings[0])" | Should -BeLike "ConfigCat ``[3001``] Cannot evaluate targeting rules and % options for setting 'a' (User Object is missing).*"
    }
}
