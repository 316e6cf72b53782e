/*
 * processprng.c builds a bcryptprimitives.dll for the Wine prefix of the
 * tests, and never ships. Go's runtime (1.24 on) calls ProcessPrng from
 * bcryptprimitives.dll, which Windows 10 and 11 have and Debian 12's
 * Wine 8.0 lacks; this one answers it with RtlGenRandom, which Wine has.
 * scripts/wine-exec.sh builds it with mingw-w64 and copies it into the
 * prefix's system32.
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
