#ifndef BACKSTEP_CNCURSESW_SHIM_H
#define BACKSTEP_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags, so ask for the wide API here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift cannot import function-like macros, variadic functions or the curses
// globals (not concurrency-safe in Swift 6), so they are wrapped here. Nothing
// in this header keeps state of its own: every `static` copy is per Swift file.

// <wchar.h> declares wcwidth only under _XOPEN_SOURCE, which SwiftPM drops.
int wcwidth(wchar_t c);
/// Columns the C library (and so ncurses) gives a character; -1 when not printable here.
static inline int bs_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

static inline WINDOW *bs_stdscr(void) { return stdscr; }
static inline WINDOW *bs_curscr(void) { return curscr; }
static inline int bs_lines(void) { return LINES; }
static inline int bs_cols(void) { return COLS; }
static inline int bs_colors(void) { return COLORS; }
static inline int bs_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t bs_a_bold(void) { return A_BOLD; }
static inline attr_t bs_a_reverse(void) { return A_REVERSE; }
static inline attr_t bs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t bs_a_dim(void) { return A_DIM; }
static inline attr_t bs_a_normal(void) { return A_NORMAL; }
static inline int bs_key_code_yes(void) { return KEY_CODE_YES; }
static inline int bs_key_f0(void) { return KEY_F0; }

/// Looks TERM up in terminfo without touching the terminal.
/// Returns 1 when usable (and sets *colors, -1 without colour), 0 when the
/// terminal type is unknown, -1 when there is no terminfo database, and 2 when
/// the terminal cannot address the cursor (hardcopy or no `cup`, e.g. dumb).
static inline int bs_probe_terminfo(const char *term, int fd, int *colors) {
    int err = 0;
    *colors = -1;
    if (setupterm(term, fd, &err) != OK) {
        if (err == 1) return 2;
        return err == 0 ? 0 : -1;
    }
    int result = 1;
    char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) result = 2;
    *colors = tigetnum("colors");
    TERMINAL *probe = cur_term;
    set_curterm(NULL);
    del_curterm(probe);
    return result;
}

/// A terminfo string capability of the running screen, or NULL when absent.
static inline const char *bs_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return value == (char *)-1 ? NULL : value;
}

/// Starts curses on the process's terminal; NULL when TERM is unknown.
static inline SCREEN *bs_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Draws one grapheme (a NUL-terminated wide string: one spacing character and
/// up to four combining ones) with attributes and a colour pair.
static inline int bs_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// get_wch into a plain int; returns OK, KEY_CODE_YES or ERR.
static inline int bs_get_wch(int *out) {
    wint_t ch = 0;
    int rc = get_wch(&ch);
    *out = (int)ch;
    return rc;
}
#endif
