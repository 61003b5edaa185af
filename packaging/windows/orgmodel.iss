; Inno Setup script for a Windows installer of the PyInstaller bundle.
; UNTESTED: written and kept for Windows builds; nothing here was run on Windows.
; Build the bundle on Windows first: python packaging\build.py --bundle
#define AppName "OrgModel"
#define AppVersion "0.1.0"

[Setup]
AppId={{6E3D0C36-5B0F-4C5B-9F1C-0A4F4F2E7B11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=OrgModel developers
DefaultDirName={autopf}\OrgModel
DefaultGroupName=OrgModel
OutputBaseFilename=OrgModel-{#AppVersion}-setup
SetupIconFile=..\build\icons\orgmodel.ico
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\dist\orgmodel\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\OrgModel"; Filename: "{app}\orgmodel.exe"
Name: "{autodesktop}\OrgModel"; Filename: "{app}\orgmodel.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop icon"; Flags: unchecked

[Registry]
Root: HKA; Subkey: "Software\Classes\.orgmodel"; ValueType: string; ValueData: "OrgModel.Document"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\OrgModel.Document"; ValueType: string; ValueData: "OrgModel document"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\OrgModel.Document\DefaultIcon"; ValueType: string; ValueData: "{app}\orgmodel.exe,0"
Root: HKA; Subkey: "Software\Classes\OrgModel.Document\shell\open\command"; ValueType: string; ValueData: """{app}\orgmodel.exe"" ""%1"""
