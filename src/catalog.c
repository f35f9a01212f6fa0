/* The native catalogue: a folder of TSV files (films, people, credits, AKAs,
 * relations) that the loader reads and the writer writes back byte for
 * byte. Text fields escape TAB, LF, CR and backslash as \t \n \r \\. */
#include "fg_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_COLS 13

typedef struct table_spec {
  const char *file;
  int required; /* leading columns a header must have */
  int ncols;
  const char *cols[MAX_COLS];
} table_spec;

/* Indexed by enum fg_table. A header starts with the required columns in
 * this order; any of the optional ones may follow, in any order. The
 * writer writes them all, in this order. */
static const table_spec specs[FG_TABLE_COUNT_] = {
    {"films.tsv",
     2,
     13,
     {"key", "title", "original_title", "year", "end_year", "runtime", "kind", "countries",
      "languages", "genres", "origin", "source", "subject"}},
    {"people.tsv", 2, 5, {"key", "name", "birth_year", "death_year", "professions"}},
    {"credits.tsv", 3, 6, {"film", "person", "role", "billing", "job", "characters"}},
    {"akas.tsv", 2, 6, {"film", "title", "region", "language", "types", "is_original"}},
    {"relations.tsv", 3, 5, {"from", "relation", "to", "flags", "note"}},
};

typedef struct field {
  const char *p;
  size_t len, off; /* off: byte offset in the line */
} field;

typedef struct loader {
  fg_graph *g;
  int table;
  const table_spec *spec;
  fg__reader rd;
  const fg_load_options *opts;
  fg_error_info *info; /* never NULL inside the loader */
  const char *line;
  size_t len;
  field f[MAX_COLS + 1];
  int nf;    /* fields in the row (capped at MAX_COLS + 1) */
  int ncols; /* columns in the header */
  int pos[MAX_COLS]; /* header position of each spec column, -1 if absent */
  char *scratch;
  size_t scratch_cap, scratch_used;
  uint64_t rows, skipped;
} loader;

/* ---- Errors with a location ---------------------------------------------- */

/* Fill ld->info for the current line at byte `off`; returns status. */
static int fail_at(loader *ld, int status, size_t off, const char *fmt, ...)
    FG__PRINTF(4, 5);
static int fail_at(loader *ld, int status, size_t off, const char *fmt, ...) {
  fg_error_info *e = ld->info;
  e->status = status;
  snprintf(e->file, sizeof e->file, "%s", ld->rd.name);
  e->line = ld->rd.line;
  e->column = fg__utf8_column(ld->line, off);
  va_list ap;
  va_start(ap, fmt);
  fg__vformat(e->message, sizeof e->message, fmt, ap);
  va_end(ap);
  return status;
}

/* Quote a field for a message: at most 60 bytes, cut at a character. */
static const char *shown(const field *f, char *buf) {
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

/* ---- Fields ---------------------------------------------------------------- */

static const field empty_field = {"", 0, 0};

/* Field of spec column i in the current row ("" if the header lacks it). */
static const field *fld(const loader *ld, int i) {
  int p = ld->pos[i];
  return p >= 0 && p < ld->nf ? &ld->f[p] : &empty_field;
}

static void split(loader *ld) {
  const char *p = ld->line, *end = ld->line + ld->len;
  ld->nf = 0;
  for (;;) {
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    const char *stop = tab ? tab : end;
    if (ld->nf <= MAX_COLS) {
      ld->f[ld->nf].p = p;
      ld->f[ld->nf].len = (size_t)(stop - p);
      ld->f[ld->nf].off = (size_t)(p - ld->line);
    }
    ld->nf++;
    if (!tab)
      break;
    p = tab + 1;
  }
}

/* Unescape field i into the row's scratch space; NUL-terminated. */
static int text(loader *ld, int i, const char **out) {
  const field *f = fld(ld, i);
  char *dst = ld->scratch + ld->scratch_used;
  size_t n = 0;
  for (size_t k = 0; k < f->len; k++) {
    char c = f->p[k];
    if (c == '\\') {
      char e = k + 1 < f->len ? f->p[k + 1] : '\0';
      c = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == '\\' ? '\\' : '\0';
      if (!c)
        return fail_at(ld, FG_EPARSE, f->off + k,
                       "unknown escape in %s: only \\t, \\n, \\r and \\\\ are allowed "
                       "(write a backslash as \\\\)",
                       ld->spec->cols[i]);
      k++;
    }
    dst[n++] = c;
  }
  dst[n] = '\0';
  ld->scratch_used += n + 1;
  *out = dst;
  return FG_OK;
}

static int required_text(loader *ld, int i, const char **out) {
  if (fld(ld, i)->len == 0)
    return fail_at(ld, FG_EPARSE, fld(ld, i)->off, "%s is empty", ld->spec->cols[i]);
  return text(ld, i, out);
}

/* A decimal number in [min, max]; empty gives 0. */
static int number(loader *ld, int i, long min, long max, int32_t *out) {
  const field *f = fld(ld, i);
  char buf[64];
  *out = 0;
  if (f->len == 0)
    return FG_OK;
  long v = 0;
  for (size_t k = 0; k < f->len; k++) {
    if (f->p[k] < '0' || f->p[k] > '9')
      return fail_at(ld, FG_EPARSE, f->off + k, "%s '%s' is not a whole number",
                     ld->spec->cols[i], shown(f, buf));
    if (v <= max)
      v = v * 10 + (f->p[k] - '0');
  }
  if (v < min || v > max)
    return fail_at(ld, FG_EPARSE, f->off, "%s '%s' is out of range (%ld-%ld; leave empty if unknown)",
                   ld->spec->cols[i], shown(f, buf), min, max);
  *out = (int32_t)v;
  return FG_OK;
}

static int film_ref(loader *ld, int i, fg_id *out) {
  const field *f = fld(ld, i);
  const char *key;
  int rc = required_text(ld, i, &key);
  if (rc)
    return rc;
  if (fg_graph_find_film(ld->g, key, out) != FG_OK) {
    char buf[64];
    return fail_at(ld, FG_ENOTFOUND, f->off, "unknown film key '%s'", shown(f, buf));
  }
  return FG_OK;
}

/* Names joined for messages: "a, b, c". */
static void list_names(char *buf, size_t cap, const char *(*name)(int), int count, int skip0) {
  size_t n = 0;
  buf[0] = '\0';
  for (int i = skip0; i < count && n < cap; i++)
    n += (size_t)snprintf(buf + n, cap - n, "%s%s", i > skip0 ? ", " : "", name(i));
}

/* ---- Rows ------------------------------------------------------------------ */

#define TRY(expr)                                                             \
  do {                                                                        \
    int rc_ = (expr);                                                         \
    if (rc_)                                                                  \
      return rc_;                                                             \
  } while (0)

/* Turn a failure of fg_graph_add_* into a located error. */
static int added(loader *ld, int rc, int column_field) {
  if (rc == FG_OK)
    return FG_OK;
  return fail_at(ld, rc, fld(ld, column_field)->off, "%s", ld->g->errmsg);
}

static int row_film(loader *ld) {
  fg_film r = FG_FILM_INIT;
  TRY(required_text(ld, 0, &r.key));
  TRY(required_text(ld, 1, &r.title));
  TRY(text(ld, 2, &r.original_title));
  TRY(number(ld, 3, 1, 9999, &r.year));
  TRY(number(ld, 4, 1, 9999, &r.end_year));
  TRY(number(ld, 5, 1, 1000000, &r.runtime));
  const field *k = fld(ld, 6);
  if (k->len) {
    int kind;
    if (fg__kind_parse(k->p, k->len, &kind) != FG_OK || kind == FG_KIND_UNKNOWN) {
      char names[512], buf[64];
      list_names(names, sizeof names, fg_kind_name, FG_KIND_COUNT_, 1);
      return fail_at(ld, FG_EPARSE, k->off, "unknown kind '%s'; expected one of: %s",
                     shown(k, buf), names);
    }
    r.kind = kind;
  }
  TRY(text(ld, 7, &r.countries));
  TRY(text(ld, 8, &r.languages));
  TRY(text(ld, 9, &r.genres));
  const field *o = fld(ld, 10);
  size_t bad;
  if (fg__origins_parse(o->p, o->len, &r.origin, &bad) != FG_OK) {
    char names[512];
    size_t n = 0;
    names[0] = '\0';
    for (uint32_t bit = 1; bit & FG_ORIGIN_ALL_; bit <<= 1)
      n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", n ? ", " : "",
                            fg_origin_name(bit));
    return fail_at(ld, FG_EPARSE, o->off + bad,
                   "unknown origin; expected a comma-separated list of: %s", names);
  }
  TRY(text(ld, 11, &r.source));
  TRY(text(ld, 12, &r.subject));
  fg_id dup;
  if (fg_graph_find_film(ld->g, r.key, &dup) == FG_OK)
    return fail_at(ld, FG_EEXISTS, fld(ld, 0)->off, "duplicate film key '%s'", r.key);
  return added(ld, fg_graph_add_film(ld->g, &r, NULL), 0);
}

static int row_person(loader *ld) {
  fg_person r = FG_PERSON_INIT;
  TRY(required_text(ld, 0, &r.key));
  TRY(required_text(ld, 1, &r.name));
  TRY(number(ld, 2, 1, 9999, &r.birth_year));
  TRY(number(ld, 3, 1, 9999, &r.death_year));
  TRY(text(ld, 4, &r.professions));
  fg_id dup;
  if (fg_graph_find_person(ld->g, r.key, &dup) == FG_OK)
    return fail_at(ld, FG_EEXISTS, fld(ld, 0)->off, "duplicate person key '%s'", r.key);
  return added(ld, fg_graph_add_person(ld->g, &r, NULL), 0);
}

static int row_credit(loader *ld) {
  fg_credit r = FG_CREDIT_INIT;
  TRY(film_ref(ld, 0, &r.film));
  const char *pkey;
  TRY(required_text(ld, 1, &pkey));
  if (fg_graph_find_person(ld->g, pkey, &r.person) != FG_OK) {
    char buf[64];
    return fail_at(ld, FG_ENOTFOUND, fld(ld, 1)->off, "unknown person key '%s'",
                   shown(fld(ld, 1), buf));
  }
  const field *role = fld(ld, 2);
  int v;
  if (fg__role_parse(role->p, role->len, &v) != FG_OK) {
    char names[512], buf[64];
    list_names(names, sizeof names, fg_role_name, FG_ROLE_COUNT_, 0);
    return fail_at(ld, FG_EPARSE, role->off, "unknown role '%s'; expected one of: %s",
                   shown(role, buf), names);
  }
  r.role = v;
  TRY(number(ld, 3, 1, 65535, &r.billing));
  TRY(text(ld, 4, &r.job));
  TRY(text(ld, 5, &r.characters));
  return added(ld, fg_graph_add_credit(ld->g, &r, NULL), 0);
}

static int row_aka(loader *ld) {
  fg_aka r = FG_AKA_INIT;
  TRY(film_ref(ld, 0, &r.film));
  TRY(required_text(ld, 1, &r.title));
  TRY(text(ld, 2, &r.region));
  TRY(text(ld, 3, &r.language));
  TRY(text(ld, 4, &r.types));
  TRY(number(ld, 5, 0, 1, &r.is_original));
  return added(ld, fg_graph_add_aka(ld->g, &r, NULL), 0);
}

static int row_relation(loader *ld) {
  fg_relation r = FG_RELATION_INIT;
  TRY(film_ref(ld, 0, &r.from));
  const field *t = fld(ld, 1);
  int type, reversed;
  if (fg__relation_parse(t->p, t->len, &type, &reversed) != FG_OK) {
    char names[1024], buf[64];
    size_t n = 0;
    for (int i = 0; i < FG_REL_COUNT_; i++) {
      n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "",
                            fg_relation_name(i));
      if (strcmp(fg_relation_name(i), fg_relation_inverse_name(i)) != 0)
        n += (size_t)snprintf(names + n, sizeof names - n, ", %s", fg_relation_inverse_name(i));
    }
    return fail_at(ld, FG_EPARSE, t->off,
                   "unknown relation '%s' (names are lower case, with underscores); expected "
                   "one of: %s",
                   shown(t, buf), names);
  }
  r.type = type;
  TRY(film_ref(ld, 2, &r.to));
  const field *fl = fld(ld, 3);
  size_t bad;
  if (fg__flags_parse(fl->p, fl->len, &r.flags, &bad) != FG_OK)
    return fail_at(ld, FG_EPARSE, fl->off + bad,
                   "unknown relation flag; the only flag is 'unofficial'");
  TRY(text(ld, 4, &r.note));
  if (r.from == r.to)
    return fail_at(ld, FG_EPARSE, fld(ld, 2)->off, "a film cannot be related to itself ('%s')",
                   fg__str(&ld->g->strings, ld->g->films[r.from].key));
  if (reversed) {
    fg_id t2 = r.from;
    r.from = r.to;
    r.to = t2;
  }
  return added(ld, fg_graph_add_relation(ld->g, &r, NULL), 0);
}

static int (*const row_fns[FG_TABLE_COUNT_])(loader *) = {
    row_film, row_person, row_credit, row_aka, row_relation,
};

/* ---- The loading loop ------------------------------------------------------ */

/* Checks every line must pass before it is split: no NUL, no CR, UTF-8. */
static int check_line(loader *ld, int terminated) {
  const char *nul = memchr(ld->line, '\0', ld->len);
  if (nul)
    return fail_at(ld, FG_EPARSE, (size_t)(nul - ld->line), "NUL byte in the text");
  const char *cr = memchr(ld->line, '\r', ld->len);
  if (cr)
    return fail_at(ld, FG_EPARSE, (size_t)(cr - ld->line),
                   cr == ld->line + ld->len - 1
                       ? "line ends with CR (a Windows CRLF file?); save with LF line ends"
                       : "carriage return (CR) inside a line; write it as \\r");
  size_t bad;
  if (!fg__utf8_valid(ld->line, ld->len, &bad))
    return fail_at(ld, FG_EPARSE, bad, "invalid UTF-8");
  if (!terminated)
    return fail_at(ld, FG_EPARSE, ld->len,
                   "missing newline at the end of the file (is it truncated?)");
  return FG_OK;
}

static int check_header(loader *ld, int terminated) {
  const table_spec *s = ld->spec;
  if (ld->len >= 3 && memcmp(ld->line, "\xEF\xBB\xBF", 3) == 0)
    return fail_at(ld, FG_EPARSE, 0,
                   "file starts with a byte order mark (BOM); save it as UTF-8 without BOM");
  TRY(check_line(ld, terminated));
  split(ld);
  char buf[64], names[256];
  size_t n = 0;
  for (int i = 0; i < s->ncols; i++) {
    n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "", s->cols[i]);
    ld->pos[i] = -1;
  }
  if (ld->nf > s->ncols)
    return fail_at(ld, FG_EPARSE, ld->f[s->ncols].off,
                   "header has more than the %d columns of %s (%s)", s->ncols, s->file, names);
  for (int i = 0; i < ld->nf; i++) {
    const field *f = &ld->f[i];
    int col = -1;
    for (int k = 0; k < s->ncols && col < 0; k++)
      if (f->len == strlen(s->cols[k]) && memcmp(f->p, s->cols[k], f->len) == 0)
        col = k;
    if (i < s->required && col != i)
      return fail_at(ld, FG_EPARSE, f->off,
                     "header column %d is '%s'; expected '%s' (%s starts with %s, %s%s%s)",
                     i + 1, shown(f, buf), s->cols[i], s->file, s->cols[0], s->cols[1],
                     s->required > 2 ? ", " : "", s->required > 2 ? s->cols[2] : "");
    if (col < 0)
      return fail_at(ld, FG_EPARSE, f->off, "header column %d '%s' is not a column of %s (%s)",
                     i + 1, shown(f, buf), s->file, names);
    if (ld->pos[col] >= 0)
      return fail_at(ld, FG_EPARSE, f->off, "header column %d '%s' appears twice", i + 1,
                     s->cols[col]);
    ld->pos[col] = i;
  }
  if (ld->nf < s->required)
    return fail_at(ld, FG_EPARSE, ld->len, "header has %d column%s; %s starts with %s, %s%s%s",
                   ld->nf, ld->nf == 1 ? "" : "s", s->file, s->cols[0], s->cols[1],
                   s->required > 2 ? ", " : "", s->required > 2 ? s->cols[2] : "");
  ld->ncols = ld->nf;
  return FG_OK;
}

static int is_row_error(int rc) {
  return rc == FG_EPARSE || rc == FG_EEXISTS || rc == FG_ENOTFOUND || rc == FG_EINVAL;
}

static int parse_row(loader *ld, int terminated) {
  TRY(check_line(ld, terminated));
  split(ld);
  if (ld->nf != ld->ncols) {
    size_t off = ld->nf > ld->ncols ? ld->f[ld->ncols].off - 1 : ld->len;
    return fail_at(ld, FG_EPARSE, off, "expected %d fields (as the header), found %d",
                   ld->ncols, ld->nf);
  }
  /* Room for every unescaped field of the row, each NUL-terminated, and
   * for an empty string for each column the header left out. */
  size_t need = ld->len + (size_t)ld->spec->ncols + 1;
  if (need > ld->scratch_cap) {
    void *p = ld->scratch;
    int rc = fg__reserve(&ld->g->alloc, &p, &ld->scratch_cap, need, 1);
    if (rc)
      return fail_at(ld, rc, 0, "%s", fg_errstr(rc));
    ld->scratch = p;
  }
  ld->scratch_used = 0;
  return row_fns[ld->table](ld);
}

static void report_skip(loader *ld) {
  ld->skipped++;
  if (ld->opts && ld->opts->on_skip)
    ld->opts->on_skip(ld->info, ld->opts->skip_payload);
}

/* Read every row of one table into the graph. No rollback here: the
 * callers own the transaction. */
static int load_rows(fg_graph *g, int table, const fg_source *src, const fg_load_options *opts,
                     fg_error_info *info) {
  loader ld;
  memset(&ld, 0, sizeof ld);
  ld.g = g;
  ld.table = table;
  ld.spec = &specs[table];
  ld.opts = opts;
  ld.info = info;
  int rc = fg__reader_open(&ld.rd, &g->alloc, src, opts ? opts->max_line : 0, info);
  if (rc)
    return rc;
  int lenient = opts && (opts->flags & FG_LOAD_LENIENT);
  int terminated;
  rc = fg__reader_next(&ld.rd, &ld.line, &ld.len, &terminated, info);
  if (rc == 1) {
    ld.line = "";
    ld.rd.line = 1;
    rc = fail_at(&ld, FG_EPARSE, 0, "empty file; expected a header line (%s ...)",
                 ld.spec->cols[0]);
  } else if (rc == FG_OK) {
    rc = check_header(&ld, terminated);
  }
  while (rc == FG_OK) {
    rc = fg__reader_next(&ld.rd, &ld.line, &ld.len, &terminated, info);
    if (rc == 1) {
      rc = FG_OK;
      break;
    }
    if (rc)
      break;
    rc = parse_row(&ld, terminated);
    if (rc == FG_OK) {
      ld.rows++;
    } else if (lenient && is_row_error(rc)) {
      report_skip(&ld);
      rc = FG_OK;
    }
  }
  info->rows += ld.rows;
  info->skipped += ld.skipped;
  fg__free(&g->alloc, ld.scratch);
  fg__reader_close(&ld.rd);
  return rc;
}

/* ---- Transactions ---------------------------------------------------------- */

static int check_args(fg_graph *g, const fg_load_options *opts, fg_error_info *info) {
  if (opts && opts->version != FG_LOAD_OPTIONS_VERSION) {
    fg__info_set(info, FG_EVERSION, "", 0, 0, "fg_load_options version %u is not supported",
                 opts->version);
    return fg__seterr(g, FG_EVERSION, "fg_load_options version %u is not supported",
                      opts->version);
  }
  return FG_OK;
}

static void begin_info(fg_error_info *info) {
  unsigned int v = info->version;
  memset(info, 0, sizeof *info);
  info->version = v;
}

/* Finish a load: on success build the indexes (the graph is then frozen);
 * on failure roll back and record the message. */
static int finish(fg_graph *g, const fg__mark *mark, int rc, fg_error_info *info) {
  if (rc == FG_OK && !fg__index_get(g, &rc)) {
    fg__info_set(info, rc, "", 0, 0, "cannot build the indexes: %s", fg_errstr(rc));
  }
  if (rc == FG_OK) {
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

int fg_graph_load_table(fg_graph *g, int table, const fg_source *src,
                        const fg_load_options *opts, fg_error_info *err) {
  if (!g)
    return FG_EINVAL;
  if (fg__check_info(err))
    return fg__seterr(g, FG_EVERSION, "fg_error_info version %u is not supported",
                      err->version);
  fg_error_info local = FG_ERROR_INFO_INIT;
  fg_error_info *info = err ? err : &local;
  begin_info(info);
  if (table < 0 || table >= FG_TABLE_COUNT_) {
    fg__info_set(info, FG_EINVAL, "", 0, 0, "unknown table %d", table);
    return fg__seterr(g, FG_EINVAL, "unknown table %d", table);
  }
  TRY(check_args(g, opts, info));
  fg__mark mark;
  fg__mark_take(g, &mark);
  return finish(g, &mark, load_rows(g, table, src, opts, info), info);
}

static char *join_path(const fg__alloc *a, const char *dir, const char *file) {
  size_t dl = strlen(dir), fl = strlen(file);
  char *p = fg__malloc(a, dl + fl + 2);
  if (!p)
    return NULL;
  memcpy(p, dir, dl);
  p[dl] = '/';
  memcpy(p + dl + 1, file, fl + 1);
  return p;
}

int fg_graph_load_catalog(fg_graph *g, const char *dir, const fg_load_options *opts,
                          fg_error_info *err) {
  if (!g)
    return FG_EINVAL;
  if (fg__check_info(err))
    return fg__seterr(g, FG_EVERSION, "fg_error_info version %u is not supported",
                      err->version);
  fg_error_info local = FG_ERROR_INFO_INIT;
  fg_error_info *info = err ? err : &local;
  begin_info(info);
  if (!dir) {
    fg__info_set(info, FG_EINVAL, "", 0, 0, "no catalogue folder given");
    return fg__seterr(g, FG_EINVAL, "no catalogue folder given");
  }
  TRY(check_args(g, opts, info));
  /* Films and people before the tables that refer to them. */
  static const int order[FG_TABLE_COUNT_] = {FG_TABLE_FILMS, FG_TABLE_PEOPLE, FG_TABLE_AKAS,
                                             FG_TABLE_CREDITS, FG_TABLE_RELATIONS};
  fg__mark mark;
  fg__mark_take(g, &mark);
  int rc = FG_OK;
  for (int i = 0; i < FG_TABLE_COUNT_ && rc == FG_OK; i++) {
    char *path = join_path(&g->alloc, dir, specs[order[i]].file);
    if (!path) {
      fg__info_set(info, FG_ENOMEM, "", 0, 0, "out of memory");
      rc = FG_ENOMEM;
      break;
    }
    struct stat st;
    if (order[i] != FG_TABLE_FILMS && stat(path, &st) != 0 && errno == ENOENT) {
      fg__free(&g->alloc, path);
      continue; /* optional table */
    }
    fg_source src = FG_SOURCE_INIT;
    src.path = path;
    rc = load_rows(g, order[i], &src, opts, info);
    fg__free(&g->alloc, path);
  }
  return finish(g, &mark, rc, info);
}

/* ---- Writing ----------------------------------------------------------------- */

typedef struct writer {
  fg_write_fn fn;
  void *payload;
  char buf[65536];
  size_t n;
  int failed;
} writer;

static void w_flush(writer *w) {
  if (w->n && !w->failed && w->fn(w->buf, w->n, w->payload) != 0)
    w->failed = 1;
  w->n = 0;
}

static void w_bytes(writer *w, const char *s, size_t len) {
  while (len) {
    if (w->n == sizeof w->buf)
      w_flush(w);
    size_t k = sizeof w->buf - w->n < len ? sizeof w->buf - w->n : len;
    memcpy(w->buf + w->n, s, k);
    w->n += k;
    s += k;
    len -= k;
  }
}

static void w_char(writer *w, char c) { w_bytes(w, &c, 1); }

/* A text field, escaped. */
static void w_text(writer *w, const char *s) {
  const char *run = s;
  for (; *s; s++) {
    const char *esc = *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r"
                    : *s == '\\' ? "\\\\" : NULL;
    if (!esc)
      continue;
    w_bytes(w, run, (size_t)(s - run));
    w_bytes(w, esc, 2);
    run = s + 1;
  }
  w_bytes(w, run, (size_t)(s - run));
}

/* A number; 0 is written as an empty field. */
static void w_num(writer *w, long v) {
  char b[32];
  if (v)
    w_bytes(w, b, (size_t)snprintf(b, sizeof b, "%ld", v));
}

static void w_fields(writer *w, const char *const *cols, int n) {
  for (int i = 0; i < n; i++) {
    if (i)
      w_char(w, '\t');
    w_text(w, cols[i]);
  }
}

int fg_graph_write_table(const fg_graph *g, int table, fg_write_fn fn, void *payload) {
  if (!g || !fn || table < 0 || table >= FG_TABLE_COUNT_)
    return FG_EINVAL;
  writer *w = fg__malloc(&g->alloc, sizeof *w);
  if (!w)
    return FG_ENOMEM;
  w->fn = fn;
  w->payload = payload;
  w->n = 0;
  w->failed = 0;
  const table_spec *s = &specs[table];
  w_fields(w, s->cols, s->ncols);
  w_char(w, '\n');
  const fg__strpool *sp = &g->strings;
#define STR(h) fg__str(sp, (h))
  for (size_t i = 0; i < g->n[table] && !w->failed; i++) {
    char tmp[128];
    switch (table) {
    case FG_TABLE_FILMS: {
      const fg__film *r = &g->films[i];
      const char *a[3] = {STR(r->key), STR(r->title), STR(r->original_title)};
      w_fields(w, a, 3);
      w_char(w, '\t'), w_num(w, r->year), w_char(w, '\t'), w_num(w, r->end_year);
      w_char(w, '\t'), w_num(w, r->runtime), w_char(w, '\t');
      w_text(w, r->kind ? fg_kind_name(r->kind) : "");
      fg__origins_format(r->origin, tmp);
      const char *b[6] = {STR(r->countries), STR(r->languages), STR(r->genres),
                          tmp,               STR(r->source),    STR(r->subject)};
      w_char(w, '\t'), w_fields(w, b, 6);
      break;
    }
    case FG_TABLE_PEOPLE: {
      const fg__person *r = &g->people[i];
      const char *a[2] = {STR(r->key), STR(r->name)};
      w_fields(w, a, 2);
      w_char(w, '\t'), w_num(w, r->birth_year), w_char(w, '\t'), w_num(w, r->death_year);
      w_char(w, '\t'), w_text(w, STR(r->professions));
      break;
    }
    case FG_TABLE_CREDITS: {
      const fg__credit *r = &g->credits[i];
      const char *a[3] = {STR(g->films[r->film].key), STR(g->people[r->person].key),
                          fg_role_name(r->role)};
      w_fields(w, a, 3);
      w_char(w, '\t'), w_num(w, r->billing), w_char(w, '\t');
      const char *b[2] = {STR(r->job), STR(r->characters)};
      w_fields(w, b, 2);
      break;
    }
    case FG_TABLE_AKAS: {
      const fg__aka *r = &g->akas[i];
      const char *a[5] = {STR(g->films[r->film].key), STR(r->title), STR(r->region),
                          STR(r->language), STR(r->types)};
      w_fields(w, a, 5);
      w_char(w, '\t'), w_num(w, r->is_original);
      break;
    }
    default: {
      const fg__relation *r = &g->relations[i];
      fg__flags_format(r->flags, tmp);
      const char *a[5] = {STR(g->films[r->from].key), fg_relation_name(r->type),
                          STR(g->films[r->to].key), tmp, STR(r->note)};
      w_fields(w, a, 5);
      break;
    }
    }
    w_char(w, '\n');
  }
#undef STR
  w_flush(w);
  int rc = w->failed ? FG_EIO : FG_OK;
  fg__free(&g->alloc, w);
  return rc;
}

static int write_file(const void *data, size_t size, void *payload) {
  return fwrite(data, 1, size, (FILE *)payload) == size ? 0 : -1;
}

int fg_graph_write_catalog(const fg_graph *g, const char *dir, fg_error_info *err) {
  if (!g || !dir)
    return FG_EINVAL;
  if (fg__check_info(err))
    return FG_EVERSION;
  fg_error_info local = FG_ERROR_INFO_INIT;
  fg_error_info *info = err ? err : &local;
  begin_info(info);
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    fg__info_set(info, FG_EIO, dir, 0, 0, "cannot create folder: %s", strerror(errno));
    return FG_EIO;
  }
  for (int t = 0; t < FG_TABLE_COUNT_; t++) {
    /* Write beside the file, then rename over it: a reader never sees a
     * half-written table. */
    char *path = join_path(&g->alloc, dir, specs[t].file);
    char *tmp = path ? fg__malloc(&g->alloc, strlen(path) + 5) : NULL;
    if (!tmp) {
      fg__free(&g->alloc, path);
      fg__info_set(info, FG_ENOMEM, dir, 0, 0, "out of memory");
      return FG_ENOMEM;
    }
    snprintf(tmp, strlen(path) + 5, "%s.tmp", path);
    int rc = FG_OK;
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
      fg__info_set(info, FG_EIO, tmp, 0, 0, "cannot create: %s", strerror(errno));
      rc = FG_EIO;
    } else {
      rc = fg_graph_write_table(g, t, write_file, fp);
      int closed = fclose(fp);
      if (rc == FG_OK && closed != 0)
        rc = FG_EIO;
      if (rc != FG_OK)
        fg__info_set(info, rc, tmp, 0, 0, "cannot write: %s",
                     rc == FG_EIO ? strerror(errno) : fg_errstr(rc));
      else if (rename(tmp, path) != 0) {
        fg__info_set(info, FG_EIO, path, 0, 0, "cannot replace: %s", strerror(errno));
        rc = FG_EIO;
      }
      if (rc != FG_OK)
        remove(tmp);
    }
    fg__free(&g->alloc, tmp);
    fg__free(&g->alloc, path);
    if (rc)
      return rc;
    info->rows += g->n[t];
  }
  return FG_OK;
}
