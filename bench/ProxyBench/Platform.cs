using System.Runtime.Versioning;

// The bench runs a bash fake CLI and the Linux proxy: Linux only.
[assembly: SupportedOSPlatform("linux")]
