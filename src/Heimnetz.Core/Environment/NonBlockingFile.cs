using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Heimnetz.EnvironmentDetection;

/// <summary>
/// Opens a file for reading without ever waiting: <c>open(2)</c> of a named pipe blocks until a writer appears, and
/// .NET has no way to ask for <c>O_NONBLOCK</c>, so on Linux the file is opened here. A regular or /proc file reads
/// as it always does; a pipe reads as not seekable, which is how <see cref="Sysroot"/> tells it apart.
/// </summary>
internal static class NonBlockingFile
{
    // The generic Linux values, which every architecture .NET runs on uses (x64, x86, Arm, Arm64, s390x, ppc64le, RISC-V, LoongArch).
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;

    private const int NoSuchFile = 2;
    private const int PermissionDenied = 13;
    private const int NotADirectory = 20;

    public static FileStream OpenRead(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        }

        var descriptor = Open(path, ReadOnly | NonBlocking | CloseOnExec);
        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var message = $"{Marshal.GetPInvokeErrorMessage(errno)}: '{path}'";
            throw errno switch
            {
                NoSuchFile => new FileNotFoundException(message, path),
                NotADirectory => new DirectoryNotFoundException(message),
                PermissionDenied => new UnauthorizedAccessException(message),
                _ => new IOException(message, errno),
            };
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        try
        {
            return new FileStream(handle, FileAccess.Read, bufferSize: 1);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    // DllImport, not LibraryImport: the source-generated stub needs unsafe code, which this library does not allow.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
