#ifndef BACKSTEP_CNCURSESW_SHIM_H
#define BACKSTEP_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags, so ask for the wide API here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift cannot import function-like macros, variadic functions or stdscr safely; wrap them.
static inline WINDOW *bs_stdscr(void) { return stdscr; }
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

/// Starts curses on the process's terminal; NULL when TERM is unknown.
static inline SCREEN *bs_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Whether the terminal can move the cursor at all (TERM=dumb cannot).
static inline int bs_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/// Draws one grapheme (as a NUL-terminated wide string) with attributes and a colour pair.
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
