/* What every tabular loader shares: the header check, splitting rows into
 * fields, located errors, lenient skipping, and the all-or-nothing
 * transaction around a load. The formats (catalog.c, imdb.c) only say what a
 * row means. */
#include "fg_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* ---- Errors with a location ---------------------------------------------- */

int fg__ld_fail(fg__loader *ld, int status, size_t off, const char *fmt, ...) {
  fg_error_info *e = ld->info;
  e->status = status;
  snprintf(e->file, sizeof e->file, "%s", ld->rd.name);
  e->line = ld->line_no;
  e->column = fg__utf8_column(ld->line, off);
  va_list ap;
  va_start(ap, fmt);
  fg__vformat(e->message, sizeof e->message, fmt, ap);
  va_end(ap);
  return status;
}

const char *fg__ld_shown(const fg__field *f, char *buf) {
  size_t n = f->len;
  if (n > 60) {
    n = 60;
    while (n > 0 && ((unsigned char)f->p[n] & 0xC0) == 0x80)
      n--;
  }
  memcpy(buf, f->p, n);
  strcpy(buf + n, f->len > n ? "..." : "");
  return buf;
}

void fg__list_names(char *buf, size_t cap, const char *(*name)(int), int first, int count) {
  size_t n = 0;
  buf[0] = '\0';
  for (int i = first; i < count && n < cap; i++)
    n += (size_t)snprintf(buf + n, cap - n, "%s%s", i > first ? ", " : "", name(i));
}

/* ---- Fields ---------------------------------------------------------------- */

char *fg__ld_scratch(fg__loader *ld, size_t n) {
  if (ld->scratch_used + n > ld->scratch_cap) {
    void *p = ld->scratch;
    if (fg__reserve(&ld->g->alloc, &p, &ld->scratch_cap, ld->scratch_used + n, 1) != FG_OK)
      return NULL;
    ld->scratch = p;
  }
  char *at = ld->scratch + ld->scratch_used;
  ld->scratch_used += n;
  return at;
}

int fg__ld_number_checked(fg__loader *ld, int col, long min, long max, int32_t *out) {
  const fg__field *f = fg__ld_field(ld, col);
  char buf[64];
  *out = 0;
  if (fg__ld_is_null(ld, f))
    return FG_OK;
  uint64_t v = 0; /* saturates above max: no overflow, whatever the digits */
  for (size_t k = 0; k < f->len; k++) {
    if (f->p[k] < '0' || f->p[k] > '9')
      return fg__ld_fail(ld, FG_EPARSE, f->off + k, "%s '%s' is not a whole number",
                         ld->spec->cols[col], fg__ld_shown(f, buf));
    if (v <= (uint64_t)max)
      v = v * 10 + (uint64_t)(f->p[k] - '0');
  }
  if (v < (uint64_t)min || v > (uint64_t)max)
    return fg__ld_fail(ld, FG_EPARSE, f->off, "%s '%s' is out of range (%ld-%ld; %s if unknown)",
                       ld->spec->cols[col], fg__ld_shown(f, buf), min, max,
                       ld->null_token ? "\\N" : "leave empty");
  *out = (int32_t)v;
  return FG_OK;
}

int fg__ld_rating(fg__loader *ld, int col, int32_t *out) {
  const fg__field *f = fg__ld_field(ld, col);
  char buf[64];
  *out = 0;
  if (fg__ld_is_null(ld, f))
    return FG_OK;
  /* "7", "7.3" or "10.0": whole part, then at most one decimal. */
  int32_t v = 0;
  size_t k = 0, digits = 0;
  while (k < f->len && f->p[k] >= '0' && f->p[k] <= '9' && digits < 3)
    v = v * 10 + (f->p[k++] - '0'), digits++;
  v *= 10;
  if (digits && k + 2 == f->len && f->p[k] == '.' && f->p[k + 1] >= '0' && f->p[k + 1] <= '9')
    v += f->p[k + 1] - '0', k += 2;
  if (!digits || k != f->len)
    return fg__ld_fail(ld, FG_EPARSE, f->off + k, "%s '%s' is not a rating like 7.3",
                       ld->spec->cols[col], fg__ld_shown(f, buf));
  if (v < 10 || v > 100)
    return fg__ld_fail(ld, FG_EPARSE, f->off, "%s '%s' is out of range (1.0-10.0)",
                       ld->spec->cols[col], fg__ld_shown(f, buf));
  *out = v;
  return FG_OK;
}

static void add_field(fg__loader *ld, size_t start, size_t end) {
  if (ld->nf <= FG__MAX_COLS) {
    ld->f[ld->nf].p = ld->line + start;
    ld->f[ld->nf].len = end - start;
    ld->f[ld->nf].off = start;
  }
  ld->nf++;
}

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define SSE_SCAN 1
#elif defined(FG__SWAR)
#define FAST_SCAN 1
/* High bit set in each byte of w that is zero, exactly for every byte (the
 * tabs are each a field; fg__zero_bytes is exact only for the first). */
static uint64_t zeros(uint64_t w) {
  const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
  return ~(((w & low7) + low7) | w | low7);
}
#define BYTES(c) FG__BYTES(c)
#endif

/* Split the line into fields at tabs, checking it on the way: no NUL, no
 * CR, valid UTF-8 (validated apart, only for lines with non-ASCII bytes).
 * Words without NUL or CR are scanned eight bytes at a time. */
static int split(fg__loader *ld) {
  const char *s = ld->line;
  size_t len = ld->len, start = 0, i = 0;
  size_t high = SIZE_MAX; /* where the first non-ASCII byte is */
  ld->nf = 0;
#ifdef SSE_SCAN
  /* Sixteen bytes at a time: masks of tabs, of NUL or CR, of high bits. */
  const __m128i tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r'), nul = _mm_setzero_si128();
  while (i < len && len >= 16) {
    size_t at = i + 16 <= len ? i : len - 16; /* the last window overlaps */
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + at));
    unsigned skip = (unsigned)(i - at); /* bytes of the window already done */
    unsigned keep = 0xFFFFu & ~((1u << skip) - 1u);
    unsigned bad = (unsigned)_mm_movemask_epi8(
                       _mm_or_si128(_mm_cmpeq_epi8(v, nul), _mm_cmpeq_epi8(v, cr))) & keep;
    if (bad)
      break; /* the byte loop reports it */
    unsigned hi = (unsigned)_mm_movemask_epi8(v) & keep;
    if (hi && high == SIZE_MAX)
      high = at + (size_t)__builtin_ctz(hi);
    for (unsigned tabs = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, tab)) & keep; tabs;
         tabs &= tabs - 1) {
      size_t t = at + (size_t)__builtin_ctz(tabs);
      add_field(ld, start, t);
      start = t + 1;
    }
    i = at + 16;
  }
#elif defined(FAST_SCAN)
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (zeros(w) | zeros(w ^ BYTES('\r')))
      break; /* the byte loop reports it */
    if ((w & BYTES(0x80)) && high == SIZE_MAX)
      high = i + (size_t)(__builtin_ctzll(w & BYTES(0x80)) >> 3);
    for (uint64_t tabs = zeros(w ^ BYTES('\t')); tabs; tabs &= tabs - 1) {
      size_t at = i + (size_t)(__builtin_ctzll(tabs) >> 3);
      add_field(ld, start, at);
      start = at + 1;
    }
  }
#endif
  for (; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\t') {
      add_field(ld, start, i);
      start = i + 1;
    } else if (c == '\0') {
      return fg__ld_fail(ld, FG_EPARSE, i, "NUL byte in the text");
    } else if (c == '\r') {
      return fg__ld_fail(ld, FG_EPARSE, i,
                         i == len - 1
                             ? "line ends with CR (a Windows CRLF file?); save with LF line ends"
                             : "carriage return (CR) inside a line");
    } else if ((c & 0x80) && high == SIZE_MAX) {
      high = i;
    }
  }
  add_field(ld, start, len);
  /* Everything before the first non-ASCII byte is valid: start there. */
  size_t bad;
  if (high != SIZE_MAX && !fg__utf8_valid(s + high, len - high, &bad))
    return fg__ld_fail(ld, FG_EPARSE, high + bad, "invalid UTF-8");
  return FG_OK;
}

/* The next line and its fields at once, from the reader's buffer, without
 * a separate pass to find the newline: 64-byte blocks are turned into bit
 * masks (tabs and newlines, NUL and CR, high bytes) once, and the fields
 * of each line are read off the masks, so a block shared by two lines is
 * scanned once. Returns 0 if it cannot (no SSE2, or no newline in the
 * whole blocks left in the buffer: the reader's line by line path then
 * takes this line); else 1, with the line in *r. Nothing is reported
 * here: a line with a NUL, a CR or invalid UTF-8 is marked for split() to
 * find again when its row comes. The buffer does not move, so lines split
 * ahead stay valid until the reader reads again. */
#ifdef SSE_SCAN
static void load_block(fg__loader *ld, const char *p) {
  const __m128i tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                nul = _mm_setzero_si128();
  uint64_t sep = 0, nls = 0, bad = 0, high = 0;
  for (unsigned k = 0; k < 4; k++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
    __m128i is_nl = _mm_cmpeq_epi8(v, nl);
    unsigned shift = 16 * k;
    sep |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, tab), is_nl))
           << shift;
    nls |= (uint64_t)(unsigned)_mm_movemask_epi8(is_nl) << shift;
    bad |= (uint64_t)(unsigned)_mm_movemask_epi8(
               _mm_or_si128(_mm_cmpeq_epi8(v, nul), _mm_cmpeq_epi8(v, cr)))
           << shift;
    high |= (uint64_t)(unsigned)_mm_movemask_epi8(v) << shift;
  }
  ld->blk = p;
  ld->blk_sep = sep, ld->blk_nl = nls, ld->blk_bad = bad, ld->blk_high = high;
}
#endif

#ifdef SSE_SCAN
/* Fold the part of the current block that belongs to the line (the bits
 * in `part`) into its NUL/CR flag and its first and last bytes >= 0x80. */
static inline void line_part(const fg__loader *ld, uint64_t part, uint64_t *bad,
                             const char **high, const char **last) {
  *bad |= ld->blk_bad & part;
  uint64_t hm = ld->blk_high & part;
  if (hm) {
    if (!*high)
      *high = ld->blk + __builtin_ctzll(hm);
    *last = ld->blk + 63 - __builtin_clzll(hm);
  }
}
#endif

static int fast_split(fg__loader *ld, fg__split_row *r) {
#ifdef SSE_SCAN
  size_t avail;
  const char *line = fg__reader_ahead(&ld->rd, &avail), *end = line + avail;
  if (!ld->blk) {
    if (avail < 64)
      return 0;
    load_block(ld, line);
  }
  /* The masks in locals: the stores into r->f would otherwise make the
   * compiler reload them for every field. */
  /* high .. last: the line's first and last bytes >= 0x80; only they can
   * make it invalid UTF-8 (a sequence cut short fails either way) */
  const char *blk = ld->blk, *start = line, *high = NULL, *last = NULL;
  uint64_t sep = ld->blk_sep, nl = ld->blk_nl, bad = 0;
  fg__field *f = r->f, *const f_end = r->f + FG__MAX_COLS + 1;
  int more = 0; /* fields past the ones stored */
  for (;;) {
    if (!sep) { /* the line goes on past this block */
      line_part(ld, ~0ull, &bad, &high, &last);
      if (end - (blk + 64) < 64) {
        ld->blk = NULL;
        return 0;
      }
      load_block(ld, blk + 64);
      blk = ld->blk, sep = ld->blk_sep, nl = ld->blk_nl;
      continue;
    }
    unsigned b = (unsigned)__builtin_ctzll(sep);
    const char *at = blk + b;
    sep &= sep - 1;
    if (f != f_end) {
      f->p = start;
      f->len = (size_t)(at - start);
      f->off = (size_t)(start - line);
      f++;
    } else {
      more++;
    }
    start = at + 1;
    if (nl >> b & 1) {
      uint64_t upto = (2ull << b) - 1; /* bits 0..b (all of them when b is 63) */
      line_part(ld, upto, &bad, &high, &last);
      ld->blk_bad &= ~upto;
      ld->blk_high &= ~upto;
      ld->blk_sep = sep;
      break;
    }
  }
  size_t len = (size_t)(start - 1 - line);
  if (len > ld->rd.max_line) { /* (a buffer source): the reader reports it */
    ld->blk = NULL;
    return 0;
  }
  fg__reader_skip_line(&ld->rd, len);
  r->line = line;
  r->len = len;
  r->nf = (int)(f - r->f) + more;
  r->check = bad || (high && !fg__utf8_valid(high, (size_t)(last + 1 - high), NULL));
  return 1;
#else
  (void)ld, (void)r;
  return 0;
#endif
}

/* ---- Lines and the header ---------------------------------------------------- */

/* Split a line that must end with a newline. */
static int split_line(fg__loader *ld, int terminated) {
  FG__TRY(split(ld));
  if (!terminated)
    return fg__ld_fail(ld, FG_EPARSE, ld->len,
                       "missing newline at the end of the file (is it truncated?)");
  return FG_OK;
}

/* "a, b, c": the required leading columns, for messages. */
static void required_names(const fg__table_spec *s, char *buf, size_t cap) {
  size_t n = 0;
  buf[0] = '\0';
  for (int i = 0; i < s->required && n < cap; i++)
    n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? ", " : "", s->cols[i]);
}

static int check_header(fg__loader *ld, int terminated) {
  const fg__table_spec *s = ld->spec;
  if (ld->len >= 3 && memcmp(ld->line, "\xEF\xBB\xBF", 3) == 0)
    return fg__ld_fail(ld, FG_EPARSE, 0,
                       "file starts with a byte order mark (BOM); save it as UTF-8 without BOM");
  FG__TRY(split_line(ld, terminated));
  char buf[64], names[512], req[256];
  size_t n = 0;
  for (int i = 0; i < s->ncols; i++) {
    n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "", s->cols[i]);
    ld->pos[i] = FG__ABSENT;
  }
  required_names(s, req, sizeof req);
  if (ld->nf > s->ncols)
    return fg__ld_fail(ld, FG_EPARSE, ld->f[s->ncols].off,
                       "header has more than the %d columns of %s (%s)", s->ncols, s->file,
                       names);
  for (int i = 0; i < ld->nf; i++) {
    const fg__field *f = &ld->f[i];
    int col = -1;
    for (int k = 0; k < s->ncols && col < 0; k++)
      if (f->len == strlen(s->cols[k]) && memcmp(f->p, s->cols[k], f->len) == 0)
        col = k;
    if (i < s->required && col != i)
      return fg__ld_fail(ld, FG_EPARSE, f->off,
                         "header column %d is '%s'; expected '%s' (%s starts with %s)", i + 1,
                         fg__ld_shown(f, buf), s->cols[i], s->file, req);
    if (col < 0)
      return fg__ld_fail(ld, FG_EPARSE, f->off,
                         "header column %d '%s' is not a column of %s (%s)", i + 1,
                         fg__ld_shown(f, buf), s->file, names);
    if (ld->pos[col] != FG__ABSENT)
      return fg__ld_fail(ld, FG_EPARSE, f->off, "header column %d '%s' appears twice", i + 1,
                         s->cols[col]);
    ld->pos[col] = i;
  }
  if (ld->nf < s->required)
    return fg__ld_fail(ld, FG_EPARSE, ld->len,
                       "header has %d column%s; column %d '%s' is missing (%s starts with %s)",
                       ld->nf, ld->nf == 1 ? "" : "s", ld->nf + 1, s->cols[ld->nf], s->file, req);
  ld->ncols = ld->nf;
  return FG_OK;
}

/* ---- The row loop -------------------------------------------------------------- */

static int is_row_error(int rc) {
  return rc == FG_EPARSE || rc == FG_EEXISTS || rc == FG_ENOTFOUND || rc == FG_EINVAL;
}

/* The current row, split with status split_rc, into records. */
static int parse_row(fg__loader *ld, int split_rc) {
  FG__TRY(split_rc);
  if (ld->nf != ld->ncols) {
    size_t off = ld->nf > ld->ncols ? ld->f[ld->ncols].off - 1 : ld->len;
    return fg__ld_fail(ld, FG_EPARSE, off, "expected %d fields (as the header), found %d",
                       ld->ncols, ld->nf);
  }
  /* A field can pass max_field only if the whole line does. */
  if (ld->len > ld->max_field) {
    for (int i = 0; i < ld->nf; i++)
      if (ld->f[i].len > ld->max_field) {
        const char *name = "a field";
        for (int c = 0; c < ld->spec->ncols; c++)
          if (ld->pos[c] == i)
            name = ld->spec->cols[c];
        ld->field_too_long = 1;
        return fg__ld_fail(ld, FG_ELIMIT, ld->f[i].off + ld->max_field,
                           "%s is longer than the limit of %zu bytes", name, ld->max_field);
      }
  }
  /* Room for a NUL-terminated copy of every field of the row (unescaping
   * only shortens), and an empty string for each column the header left
   * out. */
  ld->scratch_used = 0;
  size_t room = ld->len + (size_t)ld->spec->ncols + 1;
  if (room > ld->scratch_cap && !fg__ld_scratch(ld, room))
    return fg__ld_fail(ld, FG_ENOMEM, 0, "out of memory");
  ld->scratch_used = 0;
  return ld->row(ld);
}

void fg__ld_skip(fg__loader *ld) {
  ld->skipped++;
  if (ld->opts && ld->opts->on_skip)
    ld->opts->on_skip(ld->info, ld->opts->skip_payload);
}

/* Report the bytes through the current row: those read, less the lines
 * split ahead of it. */
static void progress(fg__loader *ld) {
  if (!ld->opts || !ld->opts->on_progress)
    return;
  uint64_t through = ld->rd.consumed;
  for (unsigned k = 0; k < ld->ahead_count; k++)
    through -= ld->ahead[(ld->ahead_first + k) & (FG__SPLIT_RING - 1)].len + 1;
  ld->opts->on_progress(ld->rd.name, through, ld->rows, ld->opts->progress_payload);
}

int fg__ld_run(fg__loader *ld, const fg_source *src) {
  fg_graph *g = ld->g;
  const fg_load_options *opts = ld->opts;
  fg_error_info *info = ld->info;
  int rc = fg__reader_open(&ld->rd, &g->alloc, src, opts ? opts->max_line : 0, info);
  if (rc)
    return rc;
  int lenient = opts && (opts->flags & FG_LOAD_LENIENT);
  ld->max_field = opts && opts->max_field ? opts->max_field : FG__DEFAULT_MAX_FIELD;
  int terminated;
  for (int i = 0; i < FG__SPLIT_RING; i++) {
    fg__field *absent = &ld->ahead[i].f[FG__ABSENT];
    absent->p = "";
    absent->len = absent->off = 0;
  }
  ld->f = ld->ahead[0].f;
  ld->ahead_first = ld->ahead_count = 0;
  rc = fg__reader_next(&ld->rd, &ld->line, &ld->len, &terminated, info);
  ld->line_no = ld->rd.line;
  if (rc == 1) {
    ld->line = "";
    ld->line_no = 1;
    rc = fg__ld_fail(ld, FG_EPARSE, 0, "empty file; expected a header line (%s ...)",
                     ld->spec->cols[0]);
  } else if (rc == FG_OK) {
    rc = check_header(ld, terminated);
  }
  ld->blk = NULL;
  const unsigned ring = FG__SPLIT_RING - 1; /* a mask */
  const unsigned ahead = ld->prefetch ? FG__SPLIT_AHEAD : 0; /* else it only costs */
  while (rc == FG_OK) {
    /* Split ahead as far as the buffer holds whole lines (the row before
     * is done with its slot). */
    while (ld->ahead_count <= ahead) {
      fg__split_row *r = &ld->ahead[(ld->ahead_first + ld->ahead_count) & ring];
      if (!fast_split(ld, r))
        break;
      if (ld->prefetch)
        ld->prefetch(ld, r);
      ld->ahead_count++;
    }
    int split_rc;
    if (ld->ahead_count) {
      fg__split_row *r = &ld->ahead[ld->ahead_first];
      ld->ahead_first = (ld->ahead_first + 1) & ring;
      ld->ahead_count--;
      /* the reader has counted the lines split ahead too */
      ld->line = r->line, ld->len = r->len, ld->line_no = ld->rd.line - ld->ahead_count;
      ld->f = r->f, ld->nf = r->nf;
      split_rc = r->check ? split(ld) : FG_OK;
    } else { /* line by line: nothing is split ahead, the buffer may move */
      ld->f = ld->ahead[ld->ahead_first].f;
      rc = fg__reader_next(&ld->rd, &ld->line, &ld->len, &terminated, info);
      ld->line_no = ld->rd.line;
      ld->blk = NULL;
      if (rc == 1) {
        rc = FG_OK;
        break;
      }
      if (rc)
        break;
      split_rc = split_line(ld, terminated);
    }
    ld->field_too_long = 0;
    rc = parse_row(ld, split_rc);
    if (rc == FG_OK) {
      if ((++ld->rows & 0xFFFFF) == 0)
        progress(ld);
    } else if (rc == FG__ROW_SKIPPED) {
      rc = FG_OK; /* the row function reported it */
    } else if (lenient && (is_row_error(rc) || ld->field_too_long)) {
      fg__ld_skip(ld);
      rc = FG_OK;
    }
  }
  if (rc == FG_OK)
    progress(ld);
  info->rows += ld->rows;
  info->skipped += ld->skipped;
  fg__free(&g->alloc, ld->scratch);
  ld->scratch = NULL;
  fg__reader_close(&ld->rd);
  return rc;
}

/* ---- Transactions ---------------------------------------------------------------- */

int fg__ld_begin(fg_graph *g, const fg_load_options *opts, fg_error_info *err,
                 fg_error_info *local, fg_error_info **info, fg__mark *mark) {
  if (fg__check_info(err))
    return fg__seterr(g, FG_EVERSION, "fg_error_info version %u is not supported",
                      err->version);
  *info = err ? err : local;
  unsigned int v = (*info)->version;
  memset(*info, 0, sizeof **info);
  (*info)->version = v;
  if (opts && opts->version != FG_LOAD_OPTIONS_VERSION) {
    fg__info_set(*info, FG_EVERSION, "", 0, 0, "fg_load_options version %u is not supported",
                 opts->version);
    return fg__seterr(g, FG_EVERSION, "fg_load_options version %u is not supported",
                      opts->version);
  }
  fg__mark_take(g, mark);
  g->txn_films = g->n[FG_TABLE_FILMS];
  memcpy(g->saved_errmsg, g->errmsg, sizeof g->errmsg);
  return FG_OK;
}

int fg__ld_finish(fg_graph *g, const fg__mark *mark, int rc, fg_error_info *info) {
  if (rc == FG_OK) {
    /* Rows skipped in lenient mode may have set the graph's message; the
     * load did not fail, so the message of the last failure comes back. */
    memcpy(g->errmsg, g->saved_errmsg, sizeof g->errmsg);
    g->n_undo = mark->undo; /* committed: nothing to undo any more */
    info->status = FG_OK;
    info->file[0] = info->message[0] = '\0';
    info->line = info->column = 0;
    return FG_OK;
  }
  fg__rollback(g, mark);
  info->status = rc;
  info->rows = 0;
  if (info->line)
    fg__seterr(g, rc, "%s:%llu:%llu: %s", info->file, (unsigned long long)info->line,
               (unsigned long long)info->column, info->message);
  else if (info->file[0])
    fg__seterr(g, rc, "%s: %s", info->file, info->message);
  else
    fg__seterr(g, rc, "%s", info->message);
  return rc;
}

char *fg__join_path(const fg__alloc *a, const char *dir, const char *file) {
  size_t dl = strlen(dir), fl = strlen(file);
  char *p = fg__malloc(a, dl + fl + 2);
  if (!p)
    return NULL;
  memcpy(p, dir, dl);
  p[dl] = '/';
  memcpy(p + dl + 1, file, fl + 1);
  return p;
}

int fg__ld_path_in(fg_graph *g, const char *dir, const char *file, int optional,
                   fg_error_info *info, char **path) {
  *path = fg__join_path(&g->alloc, dir, file);
  if (!*path) {
    fg__info_set(info, FG_ENOMEM, "", 0, 0, "out of memory");
    return FG_ENOMEM;
  }
  struct stat st;
  if (optional && stat(*path, &st) != 0 && errno == ENOENT) {
    fg__free(&g->alloc, *path);
    *path = NULL;
  }
  return FG_OK;
}

int fg__ld_reject(fg_graph *g, fg_error_info *info, int status, const char *message) {
  fg__info_set(info, status, "", 0, 0, "%s", message);
  return fg__seterr(g, status, "%s", message);
}
