// The one C header between Swift and ncursesw.
// The defines must come before <curses.h>: SwiftPM drops pkg-config's -D flags, and without
// them Swift sees no get_wch, wint_t or mvaddwstr.
#ifndef MINGLE_CNCURSESW_SHIM_H
#define MINGLE_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>
#include <stdio.h>

// Glibc's Swift module hides these (built without __USE_XOPEN).
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

// Globals that Swift 6 strict concurrency rejects, behind accessor functions.
static inline WINDOW *x_stdscr(void) { return stdscr; }
static inline WINDOW *x_curscr(void) { return curscr; }
static inline int x_lines(void) { return LINES; }
static inline int x_cols(void) { return COLS; }
static inline int x_colors(void) { return COLORS; }

// Macros built from casts and shifts, which do not import.
static const attr_t x_A_NORMAL = A_NORMAL;
static const attr_t x_A_BOLD = A_BOLD;
static const attr_t x_A_REVERSE = A_REVERSE;
static const attr_t x_A_UNDERLINE = A_UNDERLINE;
static const attr_t x_A_DIM = A_DIM;
static inline int x_key_f(int n) { return KEY_F(n); }
static inline attr_t x_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }
static inline void x_attrset(attr_t a) { attrset((int)a); }
static inline int x_get_wch(wint_t *w) { return get_wch(w); }
static const int x_KEY_CODE_YES = KEY_CODE_YES;
// True when the locale's character set is UTF-8 (CODESET is an enum value of the wrong type in Swift).
static inline int x_codeset_is_utf8(void) {
    const char *c = nl_langinfo(CODESET);
    return c && (c[0] == 'U' || c[0] == 'u') && (c[1] == 'T' || c[1] == 't') && (c[2] == 'F' || c[2] == 'f');
}
// A screen on the process's own stdin/stdout (stdin/stdout are globals Swift 6 rejects).
static inline SCREEN *x_newterm(const char *term) { return newterm(term, stdout, stdin); }
#endif
