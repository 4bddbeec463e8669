; Inno Setup script of OrderDesk: per-user installer with start-menu entry and uninstaller.
;
; The version has one home, desktop_app/__init__.py; packaging/windows/build_windows.ps1 reads
; it and passes it here:  iscc /DAppVersion=0.1.0 packaging\windows\orderdesk.iss
; Input: the PyInstaller bundle dist\orderdesk (packaging/orderdesk.spec).
; Output: dist\OrderDesk-<version>-setup.exe

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (build_windows.ps1 reads desktop_app/__init__.py)
#endif
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
; A fixed AppId: updates replace the installed version instead of installing beside it.
AppId={{6D1C2A4E-5B0F-4C57-9A43-0E2D7F5B8C31}
AppName=OrderDesk
AppVersion={#AppVersion}
AppVerName=OrderDesk {#AppVersion}
AppPublisher=OrderDesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\OrderDesk
DefaultGroupName=OrderDesk
DisableProgramGroupPage=yes
; Per user: no administrator rights needed ({autopf} is then %LOCALAPPDATA%\Programs).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=OrderDesk-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\orderdesk.ico
UninstallDisplayIcon={app}\orderdesk.exe
UninstallDisplayName=OrderDesk {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle; an update first removes the old _internal (see InstallDelete).
Source: "{#Root}\dist\orderdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\OrderDesk"; Filename: "{app}\orderdesk.exe"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,OrderDesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\OrderDesk"; Filename: "{app}\orderdesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\orderdesk.exe"; Description: "{cm:LaunchProgram,OrderDesk}"; Flags: nowait postinstall skipifsilent
