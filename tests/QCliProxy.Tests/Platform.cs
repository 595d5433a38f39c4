using System.Runtime.Versioning;

// The tests run the fake CLI (a bash script) and read /proc: Linux only.
[assembly: SupportedOSPlatform("linux")]
