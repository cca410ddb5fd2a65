/* Test-only stand-in for Windows' bcryptprimitives.dll, which Wine 8 lacks. Rust-built wheels
 * (pydantic-core) import ProcessPrng from it for random bytes; this one asks the system's
 * RtlGenRandom (advapi32's SystemFunction036), as Rust's standard library did before.
 *
 * Built with mingw by installer/build-windows.sh and put only into the Wine prefixes that
 * build and test the program; never shipped (Windows 10+ has the real one). */

#include <windows.h>

BOOLEAN NTAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
