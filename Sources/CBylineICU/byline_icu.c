#include "byline_icu.h"
#include <pthread.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

static UBreakIterator *prototypes[2];
static UErrorCode prototypeErrors[2];
static pthread_once_t prototypesOnce = PTHREAD_ONCE_INIT;

// Opening a break iterator loads and compiles rules (~1 ms); cloning a prototype is cheap.
static void openPrototypes(void) {
  // "ss=standard" turns on ICU's sentence-break suppressions ("Mr.", "U.S.", ...).
  prototypeErrors[0] = U_ZERO_ERROR;
  prototypes[0] = ubrk_open(UBRK_WORD, "en_US", NULL, 0, &prototypeErrors[0]);
  prototypeErrors[1] = U_ZERO_ERROR;
  prototypes[1] = ubrk_open(UBRK_SENTENCE, "en_US@ss=standard", NULL, 0, &prototypeErrors[1]);
}

int64_t byline_icu_breaks(BylineBreakKind kind, const char *utf8, int64_t length,
                          int64_t *offsets, int32_t *statuses, int64_t capacity,
                          int32_t *error) {
  *error = 0;
  if (length == 0) return 0;
  pthread_once(&prototypesOnce, openPrototypes);
  int k = kind == BYLINE_BREAK_SENTENCE ? 1 : 0;
  if (U_FAILURE(prototypeErrors[k]) || prototypes[k] == NULL) {
    *error = (int32_t)prototypeErrors[k];
    return -1;
  }
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi = ubrk_clone(prototypes[k], &status);
  if (U_FAILURE(status)) { *error = (int32_t)status; return -1; }
  // The UText points into the caller's buffer, which stays alive for this whole call.
  UText *ut = utext_openUTF8(NULL, utf8, length, &status);
  if (U_FAILURE(status)) { ubrk_close(bi); *error = (int32_t)status; return -1; }
  ubrk_setUText(bi, ut, &status);
  if (U_FAILURE(status)) {
    utext_close(ut); ubrk_close(bi); *error = (int32_t)status; return -1;
  }
  int64_t n = 0;
  ubrk_first(bi);
  for (int32_t b = ubrk_next(bi); b != UBRK_DONE && n < capacity; b = ubrk_next(bi)) {
    offsets[n] = b;
    statuses[n] = ubrk_getRuleStatus(bi);
    n++;
  }
  utext_close(ut);
  ubrk_close(bi);
  return n;
}
