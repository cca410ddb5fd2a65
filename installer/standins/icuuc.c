/* Test-only stand-in for Windows' icuuc.dll (ICU's common library, in system32 since
 * Windows 10 1703), which Wine 8 lacks. Qt 6.10+'s Qt6Core.dll imports the ucnv_* functions
 * below and loads nothing without them. This stand-in knows no converters: ucnv_open always
 * fails and no name is listed, so Qt keeps to its built-in UTF and Latin-1 codecs.
 *
 * Built with mingw by installer/build-windows.sh and put only into the Wine prefixes that
 * build and test the program; never shipped (Windows has the real one). */

#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
typedef uint16_t UChar;
typedef struct UConverter UConverter;
typedef void (*UConverterCallback)(void);

#define U_FILE_ACCESS_ERROR 4
#define U_INDEX_OUTOFBOUNDS_ERROR 8
#define U_ILLEGAL_ARGUMENT_ERROR 1
#define EXPORT __declspec(dllexport)

static int failed(UErrorCode *status) { return status == NULL || *status > 0; }

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *status)
{
    (void)name;
    if (!failed(status))
        *status = U_FILE_ACCESS_ERROR;
    return NULL;
}

EXPORT void ucnv_close(UConverter *cnv) { (void)cnv; }
EXPORT void ucnv_reset(UConverter *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *cnv) { (void)cnv; return 1; }

EXPORT const char *ucnv_getName(const UConverter *cnv, UErrorCode *status)
{
    (void)cnv;
    if (!failed(status))
        *status = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
}

EXPORT int32_t ucnv_countAvailable(void) { return 0; }

EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }

EXPORT const char *ucnv_getStandardName(const char *name, const char *standard,
                                        UErrorCode *status)
{
    (void)name; (void)standard;
    if (!failed(status))
        *status = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
}

/* No converter ever opens, so nothing below can be reached with one; each still fails
 * cleanly rather than pretend to convert. */
EXPORT void ucnv_getToUCallBack(const UConverter *cnv, UConverterCallback *action,
                                const void **context)
{
    (void)cnv;
    if (action) *action = NULL;
    if (context) *context = NULL;
}

EXPORT void ucnv_getFromUCallBack(const UConverter *cnv, UConverterCallback *action,
                                  const void **context)
{
    (void)cnv;
    if (action) *action = NULL;
    if (context) *context = NULL;
}

EXPORT void ucnv_setToUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                UConverterCallback *old_action, const void **old_context,
                                UErrorCode *status)
{
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context;
    if (!failed(status))
        *status = U_ILLEGAL_ARGUMENT_ERROR;
}

EXPORT void ucnv_setFromUCallBack(UConverter *cnv, UConverterCallback action,
                                  const void *context, UConverterCallback *old_action,
                                  const void **old_context, UErrorCode *status)
{
    ucnv_setToUCallBack(cnv, action, context, old_action, old_context, status);
}

EXPORT void ucnv_toUnicode(UConverter *cnv, UChar **target, const UChar *target_limit,
                           const char **source, const char *source_limit, int32_t *offsets,
                           int8_t flush, UErrorCode *status)
{
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush;
    if (!failed(status))
        *status = U_ILLEGAL_ARGUMENT_ERROR;
}

EXPORT void ucnv_fromUnicode(UConverter *cnv, char **target, const char *target_limit,
                             const UChar **source, const UChar *source_limit, int32_t *offsets,
                             int8_t flush, UErrorCode *status)
{
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush;
    if (!failed(status))
        *status = U_ILLEGAL_ARGUMENT_ERROR;
}

EXPORT int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *status)
{
    (void)cnv;
    if (!failed(status))
        *status = U_ILLEGAL_ARGUMENT_ERROR;
    return -1;
}

EXPORT int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *status)
{
    return ucnv_toUCountPending(cnv, status);
}

EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length,
                                  int32_t offset_index, UErrorCode *status)
{
    (void)args; (void)source; (void)length; (void)offset_index;
    if (!failed(status))
        *status = U_INDEX_OUTOFBOUNDS_ERROR;
}

EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                                    int32_t offset_index, UErrorCode *status)
{
    (void)args; (void)source; (void)source_limit; (void)offset_index;
    if (!failed(status))
        *status = U_INDEX_OUTOFBOUNDS_ERROR;
}

/* ICU's stock callbacks, exported as functions; with no converter they are never called. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
