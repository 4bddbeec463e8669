# Build the Windows bundle, smoke-test it, and make the installer (PowerShell, repo root):
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
#
# Needs Python 3.11+ on the PATH and Inno Setup 6 (iscc.exe on the PATH or in its default
# folder); without Inno Setup it stops after the bundle and its self-test.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

python -m pip install -q -e ".[package]"
$version = python -c "import desktop_app; print(desktop_app.__version__)"
python -m PyInstaller --noconfirm --log-level WARN --distpath dist `
  --workpath build\pyinstaller packaging\orderdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The bundle is a GUI program: wait for it, then read its exit code.
$selfTest = Start-Process -FilePath dist\orderdesk\orderdesk.exe -ArgumentList "--self-test" `
  -NoNewWindow -Wait -PassThru
if ($selfTest.ExitCode -ne 0) { throw "the bundle's self-test failed ($($selfTest.ExitCode))" }

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $iscc)) {
  Write-Warning "Inno Setup 6 not found: bundle in dist\orderdesk, no installer made"
  exit 0
}
& $iscc "/DAppVersion=$version" packaging\windows\orderdesk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "dist\OrderDesk-$version-setup.exe"
