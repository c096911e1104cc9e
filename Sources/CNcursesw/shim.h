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

// Glibc's Swift module hides these (built without __USE_XOPEN).
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

// Globals that Swift 6 strict concurrency rejects, behind accessor functions.
static inline WINDOW *x_stdscr(void) { return stdscr; }
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
#endif
