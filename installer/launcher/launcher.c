/* KecamatanDesktop.exe: what the Start menu and desktop shortcuts start.
 *
 * The program itself is kecamatan-desktop.exe (PyInstaller, console subsystem), which the
 * command line uses too. A windowed copy of it would carry the same 12.5 MB of Python
 * modules a second time, so this small windowed program starts it instead, with no console
 * window (CREATE_NO_WINDOW), passes on its arguments and its show state, waits for it and
 * returns its exit code. The child is put in a job that ends it if this program is ended.
 *
 * Built with mingw by installer/build-windows.sh into the PyInstaller folder. */

#define WIN32_LEAN_AND_MEAN
#ifndef UNICODE /* -municode defines both */
#define UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <wchar.h>

#define PROGRAM L"kecamatan-desktop.exe"
#define MAX_PATH_LONG 32768

/* The arguments after argv[0] in the command line, as CommandLineToArgvW reads argv[0]:
 * quoted up to the next quote, otherwise up to the first space or tab. */
static const wchar_t *arguments_after_program(const wchar_t *line)
{
    if (*line == L'"') {
        line++;
        while (*line && *line != L'"')
            line++;
        if (*line == L'"')
            line++;
    } else {
        while (*line && *line != L' ' && *line != L'\t')
            line++;
    }
    while (*line == L' ' || *line == L'\t')
        line++;
    return line;
}

static int refuse(const wchar_t *what, const wchar_t *path)
{
    wchar_t text[MAX_PATH_LONG + 512];
    DWORD code = GetLastError();
    _snwprintf(text, sizeof text / sizeof *text - 1,
               L"Kecamatan Desktop tidak dapat dijalankan: %ls\n\n%ls\n\n"
               L"Kode kesalahan Windows %lu. Pasang ulang program dengan berkas setup-nya.",
               what, path, (unsigned long)code);
    text[sizeof text / sizeof *text - 1] = 0;
    MessageBoxW(NULL, text, L"Kecamatan Desktop", MB_OK | MB_ICONERROR);
    return 1;
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR unused, int show)
{
    static wchar_t program[MAX_PATH_LONG];
    wchar_t *command;
    const wchar_t *rest;
    DWORD length;
    size_t size;
    STARTUPINFOW mine, startup;
    PROCESS_INFORMATION child;
    HANDLE job;
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
    DWORD exit_code = 1;

    (void)instance; (void)previous; (void)unused; (void)show;

    /* this program's folder, then the program's file in it */
    length = GetModuleFileNameW(NULL, program, MAX_PATH_LONG);
    if (length == 0 || length >= MAX_PATH_LONG)
        return refuse(L"letak program tidak terbaca.", L"");
    while (length > 0 && program[length - 1] != L'\\' && program[length - 1] != L'/')
        length--;
    if (length + wcslen(PROGRAM) >= MAX_PATH_LONG)
        return refuse(L"letak program terlalu panjang.", program);
    wcscpy(program + length, PROGRAM);
    if (GetFileAttributesW(program) == INVALID_FILE_ATTRIBUTES)
        return refuse(L"berkas program tidak ada.", program);

    /* "program" followed by this program's own arguments, untouched */
    rest = arguments_after_program(GetCommandLineW());
    size = wcslen(program) + wcslen(rest) + 4;
    command = HeapAlloc(GetProcessHeap(), 0, size * sizeof *command);
    if (command == NULL)
        return refuse(L"memori tidak cukup.", program);
    _snwprintf(command, size, L"\"%ls\" %ls", program, rest);
    command[size - 1] = 0;

    /* the shortcut's show state (normal, maximised, minimised) goes on to the window */
    GetStartupInfoW(&mine);
    ZeroMemory(&startup, sizeof startup);
    startup.cb = sizeof startup;
    if (mine.dwFlags & STARTF_USESHOWWINDOW) {
        startup.dwFlags = STARTF_USESHOWWINDOW;
        startup.wShowWindow = mine.wShowWindow;
    }
    ZeroMemory(&child, sizeof child);
    if (!CreateProcessW(program, command, NULL, NULL, FALSE,
                        CREATE_NO_WINDOW | CREATE_SUSPENDED | CREATE_UNICODE_ENVIRONMENT,
                        NULL, NULL, &startup, &child))
        return refuse(L"program tidak dapat dimulai.", program);

    /* if this program is ended (Task Manager, a script's timeout), the child ends with it;
     * where jobs cannot be nested (old Windows) the child simply runs on its own */
    job = CreateJobObjectW(NULL, NULL);
    if (job != NULL) {
        ZeroMemory(&limits, sizeof limits);
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        if (!SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits,
                                     sizeof limits)
            || !AssignProcessToJobObject(job, child.hProcess)) {
            CloseHandle(job);
            job = NULL;
        }
    }
    /* this program was started in front (a click); its window is the child's to bring up */
    AllowSetForegroundWindow(child.dwProcessId);
    ResumeThread(child.hThread);
    CloseHandle(child.hThread);
    WaitForSingleObject(child.hProcess, INFINITE);
    GetExitCodeProcess(child.hProcess, &exit_code);
    CloseHandle(child.hProcess);
    if (job != NULL)
        CloseHandle(job);
    HeapFree(GetProcessHeap(), 0, command);
    return (int)exit_code;
}
