#ifndef BYLINE_ICU_H
#define BYLINE_ICU_H
// A narrow C boundary over ICU break iteration. No ICU type appears here: Swift modules that
// also import Foundation (which bundles its own ICU) cannot import system ICU headers, and
// Debian's libicu exports only version-suffixed symbols that the C compiler renames for us.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which ICU break iterator to run.
typedef enum {
  BYLINE_BREAK_WORD = 0,
  BYLINE_BREAK_SENTENCE = 1
} BylineBreakKind;

/// Runs an ICU break iterator (locale `en_US@ss=standard`) over UTF-8 text.
///
/// Writes every boundary after offset 0, as UTF-8 byte offsets, into `offsets`, and the rule
/// status of the segment that ends there into `statuses` (word breaks: 0 none/punctuation,
/// 100 number, 200 letter, 300 kana, 400 ideographic). `capacity` must be at least
/// `length + 1`. Returns the number of boundaries written, or -1 on an ICU error (its code is
/// stored in `error`). Thread-safe: each call works on its own clone of a shared prototype.
int64_t byline_icu_breaks(BylineBreakKind kind, const char *utf8, int64_t length,
                          int64_t *offsets, int32_t *statuses, int64_t capacity,
                          int32_t *error);

#ifdef __cplusplus
}
#endif
#endif
