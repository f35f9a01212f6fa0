/* The native catalogue: a folder of TSV files (films, people, credits, AKAs,
 * relations) that the fg__loader reads and the writer writes back byte for
 * byte. Text fields escape TAB, LF, CR and backslash as \t \n \r \\. */
#include "fg_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Indexed by enum fg_table. A header starts with the required columns in
 * this order; any of the optional ones may follow, in any order. The
 * writer writes them all, in this order. */
static const fg__table_spec specs[FG_TABLE_COUNT_] = {
    {"films.tsv",
     2,
     19,
     {"key", "title", "original_title", "year", "end_year", "runtime", "kind", "countries",
      "languages", "genres", "origin", "source", "subject", "is_adult", "rating", "votes",
      "series", "season", "episode"}},
    {"people.tsv", 2, 5, {"key", "name", "birth_year", "death_year", "professions"}},
    {"credits.tsv", 3, 6, {"film", "person", "role", "billing", "job", "characters"}},
    {"akas.tsv", 2, 6, {"film", "title", "region", "language", "types", "is_original"}},
    {"relations.tsv", 3, 5, {"from", "relation", "to", "flags", "note"}},
};

/* Unescape field i into the row's scratch space; NUL-terminated. */
static int text(fg__loader *ld, int i, const char **out) {
  const fg__field *f = fg__ld_field(ld, i);
  char *dst = ld->scratch + ld->scratch_used;
  size_t n = 0;
  for (size_t k = 0; k < f->len; k++) {
    char c = f->p[k];
    if (c == '\\') {
      char e = k + 1 < f->len ? f->p[k + 1] : '\0';
      c = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == '\\' ? '\\' : '\0';
      if (!c)
        return fg__ld_fail(ld, FG_EPARSE, f->off + k,
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

static int required_text(fg__loader *ld, int i, const char **out) {
  if (fg__ld_field(ld, i)->len == 0)
    return fg__ld_fail(ld, FG_EPARSE, fg__ld_field(ld, i)->off, "%s is empty", ld->spec->cols[i]);
  return text(ld, i, out);
}

static int film_ref(fg__loader *ld, int i, fg_id *out) {
  const fg__field *f = fg__ld_field(ld, i);
  const char *key;
  int rc = required_text(ld, i, &key);
  if (rc)
    return rc;
  if (fg_graph_find_film(ld->g, key, out) != FG_OK) {
    char buf[64];
    rc = fg__ld_fail(ld, FG_ENOTFOUND, f->off, "unknown film key '%s'", fg__ld_shown(f, buf));
    /* Beside IMDb's files, a relation to a title not loaded is skipped and
     * counted, as IMDb's own rows are (unless references are strict). */
    if (ld->skip_dangling && !(ld->opts && (ld->opts->flags & FG_LOAD_STRICT_REFS))) {
      fg__ld_skip(ld);
      return FG__ROW_SKIPPED;
    }
    return rc;
  }
  return FG_OK;
}

/* ---- Rows ------------------------------------------------------------------ */

/* Turn a failure of fg_graph_add_* into a located error. */
static int added(fg__loader *ld, int rc, int column_field) {
  if (rc == FG_OK)
    return FG_OK;
  return fg__ld_fail(ld, rc, fg__ld_field(ld, column_field)->off, "%s", ld->g->errmsg);
}

/* Series keys of films.tsv, resolved after the whole file is read. */
typedef struct pending_series {
  fg_id film;
  uint64_t line, column;
  size_t key; /* offset in keys */
} pending_series;

typedef struct series_refs {
  pending_series *items;
  size_t count, cap;
  char *keys;
  size_t keys_len, keys_cap;
} series_refs;

static int defer_series(fg__loader *ld, fg_id film, const fg__field *f) {
  series_refs *refs = ld->ctx;
  const char *key;
  /* text() unescapes into the row's scratch; copy it out. */
  FG__TRY(text(ld, 16, &key));
  size_t klen = strlen(key);
  void *items = refs->items, *keys = refs->keys;
  if (fg__reserve(&ld->g->alloc, &items, &refs->cap, refs->count + 1, sizeof *refs->items) ||
      (refs->items = items,
       fg__reserve(&ld->g->alloc, &keys, &refs->keys_cap, refs->keys_len + klen + 1, 1)))
    return fg__ld_fail(ld, FG_ENOMEM, 0, "out of memory");
  refs->keys = keys;
  pending_series *p = &refs->items[refs->count++];
  p->film = film;
  p->line = ld->line_no;
  p->column = fg__utf8_column(ld->line, f->off);
  p->key = refs->keys_len;
  memcpy(refs->keys + refs->keys_len, key, klen + 1);
  refs->keys_len += klen + 1;
  return FG_OK;
}

/* Point each deferred film at its series; an unknown key is an error (a
 * skip in lenient mode, the series left empty). */
static int resolve_series(fg__loader *ld, series_refs *refs) {
  for (size_t i = 0; i < refs->count; i++) {
    const pending_series *p = &refs->items[i];
    const char *key = refs->keys + p->key;
    fg_id series;
    if (fg_graph_find_film(ld->g, key, &series) == FG_OK && series != p->film) {
      ld->g->films[p->film].series = series;
      continue;
    }
    fg__info_set(ld->info, series == p->film ? FG_EPARSE : FG_ENOTFOUND, ld->rd.name, p->line,
                 p->column, series == p->film ? "a film cannot be its own series ('%s')"
                                              : "unknown series key '%s'",
                 key);
    if (!(ld->opts && (ld->opts->flags & FG_LOAD_LENIENT)))
      return ld->info->status;
    ld->info->skipped++;
    if (ld->opts->on_skip)
      ld->opts->on_skip(ld->info, ld->opts->skip_payload);
  }
  return FG_OK;
}

static int row_film(fg__loader *ld) {
  fg_film r = FG_FILM_INIT;
  FG__TRY(required_text(ld, 0, &r.key));
  FG__TRY(required_text(ld, 1, &r.title));
  FG__TRY(text(ld, 2, &r.original_title));
  FG__TRY(fg__ld_number(ld, 3, 1, 9999, &r.year));
  FG__TRY(fg__ld_number(ld, 4, 1, 9999, &r.end_year));
  FG__TRY(fg__ld_number(ld, 5, 1, 1000000, &r.runtime));
  const fg__field *k = fg__ld_field(ld, 6);
  if (k->len) {
    int kind;
    if (fg__kind_parse(k->p, k->len, &kind) != FG_OK || kind == FG_KIND_UNKNOWN) {
      char names[512], buf[64];
      fg__list_names(names, sizeof names, fg_kind_name, 1, FG_KIND_COUNT_);
      return fg__ld_fail(ld, FG_EPARSE, k->off, "unknown kind '%s'; expected one of: %s",
                     fg__ld_shown(k, buf), names);
    }
    r.kind = kind;
  }
  FG__TRY(text(ld, 7, &r.countries));
  FG__TRY(text(ld, 8, &r.languages));
  FG__TRY(text(ld, 9, &r.genres));
  const fg__field *o = fg__ld_field(ld, 10);
  size_t bad;
  if (fg__origins_parse(o->p, o->len, &r.origin, &bad) != FG_OK) {
    char names[512];
    size_t n = 0;
    names[0] = '\0';
    for (uint32_t bit = 1; bit & FG_ORIGIN_ALL_; bit <<= 1)
      n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", n ? ", " : "",
                            fg_origin_name(bit));
    return fg__ld_fail(ld, FG_EPARSE, o->off + bad,
                   "unknown origin; expected a comma-separated list of: %s", names);
  }
  FG__TRY(text(ld, 11, &r.source));
  FG__TRY(text(ld, 12, &r.subject));
  FG__TRY(fg__ld_number(ld, 13, 0, 1, &r.is_adult));
  FG__TRY(fg__ld_rating(ld, 14, &r.rating));
  int32_t votes;
  FG__TRY(fg__ld_number(ld, 15, 0, 2147483647, &votes));
  r.votes = (uint32_t)votes;
  FG__TRY(fg__ld_number(ld, 17, 1, 65535, &r.season));
  FG__TRY(fg__ld_number(ld, 18, 1, 2147483647, &r.episode));
  fg_id dup;
  if (fg_graph_find_film(ld->g, r.key, &dup) == FG_OK)
    return fg__ld_fail(ld, FG_EEXISTS, fg__ld_field(ld, 0)->off, "duplicate film key '%s'", r.key);
  /* The series may come later in the file: resolved once all are read. Its
   * key is read and queued first, so nothing fails after the film is in. */
  const fg__field *series = fg__ld_field(ld, 16);
  fg_id id = (fg_id)ld->g->n[FG_TABLE_FILMS];
  if (series->len)
    FG__TRY(defer_series(ld, id, series));
  int rc = fg_graph_add_film(ld->g, &r, &id);
  if (rc && series->len)
    ((series_refs *)ld->ctx)->count--; /* take the queued key back */
  return added(ld, rc, 0);
}

static int row_person(fg__loader *ld) {
  fg_person r = FG_PERSON_INIT;
  FG__TRY(required_text(ld, 0, &r.key));
  FG__TRY(required_text(ld, 1, &r.name));
  FG__TRY(fg__ld_number(ld, 2, 1, 9999, &r.birth_year));
  FG__TRY(fg__ld_number(ld, 3, 1, 9999, &r.death_year));
  FG__TRY(text(ld, 4, &r.professions));
  fg_id dup;
  if (fg_graph_find_person(ld->g, r.key, &dup) == FG_OK)
    return fg__ld_fail(ld, FG_EEXISTS, fg__ld_field(ld, 0)->off, "duplicate person key '%s'", r.key);
  return added(ld, fg_graph_add_person(ld->g, &r, NULL), 0);
}

static int row_credit(fg__loader *ld) {
  fg_credit r = FG_CREDIT_INIT;
  FG__TRY(film_ref(ld, 0, &r.film));
  const char *pkey;
  FG__TRY(required_text(ld, 1, &pkey));
  if (fg_graph_find_person(ld->g, pkey, &r.person) != FG_OK) {
    char buf[64];
    return fg__ld_fail(ld, FG_ENOTFOUND, fg__ld_field(ld, 1)->off, "unknown person key '%s'",
                   fg__ld_shown(fg__ld_field(ld, 1), buf));
  }
  const fg__field *role = fg__ld_field(ld, 2);
  int v;
  if (fg__role_parse(role->p, role->len, &v) != FG_OK) {
    char names[512], buf[64];
    fg__list_names(names, sizeof names, fg_role_name, 0, FG_ROLE_COUNT_);
    return fg__ld_fail(ld, FG_EPARSE, role->off, "unknown role '%s'; expected one of: %s",
                   fg__ld_shown(role, buf), names);
  }
  r.role = v;
  FG__TRY(fg__ld_number(ld, 3, 1, 65535, &r.billing));
  FG__TRY(text(ld, 4, &r.job));
  FG__TRY(text(ld, 5, &r.characters));
  return added(ld, fg_graph_add_credit(ld->g, &r, NULL), 0);
}

static int row_aka(fg__loader *ld) {
  fg_aka r = FG_AKA_INIT;
  FG__TRY(film_ref(ld, 0, &r.film));
  FG__TRY(required_text(ld, 1, &r.title));
  FG__TRY(text(ld, 2, &r.region));
  FG__TRY(text(ld, 3, &r.language));
  FG__TRY(text(ld, 4, &r.types));
  FG__TRY(fg__ld_number(ld, 5, 0, 1, &r.is_original));
  return added(ld, fg_graph_add_aka(ld->g, &r, NULL), 0);
}

static int row_relation(fg__loader *ld) {
  fg_relation r = FG_RELATION_INIT;
  FG__TRY(film_ref(ld, 0, &r.from));
  const fg__field *t = fg__ld_field(ld, 1);
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
    return fg__ld_fail(ld, FG_EPARSE, t->off,
                   "unknown relation '%s' (names are lower case, with underscores); expected "
                   "one of: %s",
                   fg__ld_shown(t, buf), names);
  }
  r.type = type;
  FG__TRY(film_ref(ld, 2, &r.to));
  const fg__field *fl = fg__ld_field(ld, 3);
  size_t bad;
  if (fg__flags_parse(fl->p, fl->len, &r.flags, &bad) != FG_OK)
    return fg__ld_fail(ld, FG_EPARSE, fl->off + bad,
                   "unknown relation flag; the only flag is 'unofficial'");
  FG__TRY(text(ld, 4, &r.note));
  if (r.from == r.to)
    return fg__ld_fail(ld, FG_EPARSE, fg__ld_field(ld, 2)->off, "a film cannot be related to itself ('%s')",
                   fg__str(&ld->g->strings, ld->g->films[r.from].key));
  if (reversed) {
    fg_id t2 = r.from;
    r.from = r.to;
    r.to = t2;
  }
  return added(ld, fg_graph_add_relation(ld->g, &r, NULL), 0);
}

static int (*const row_fns[FG_TABLE_COUNT_])(fg__loader *) = {
    row_film, row_person, row_credit, row_aka, row_relation,
};

/* ---- Loading ----------------------------------------------------------------- */

int fg__catalog_load_rows(fg_graph *g, int table, const fg_source *src,
                          const fg_load_options *opts, fg_error_info *info, int skip_dangling) {
  fg__loader ld;
  series_refs refs;
  memset(&ld, 0, sizeof ld);
  memset(&refs, 0, sizeof refs);
  ld.g = g;
  ld.spec = &specs[table];
  ld.row = row_fns[table];
  ld.ctx = &refs;
  ld.skip_dangling = skip_dangling;
  ld.opts = opts;
  ld.info = info;
  int rc = fg__ld_run(&ld, src);
  if (rc == FG_OK)
    rc = resolve_series(&ld, &refs);
  fg__free(&g->alloc, refs.items);
  fg__free(&g->alloc, refs.keys);
  return rc;
}

int fg_graph_load_table(fg_graph *g, int table, const fg_source *src,
                        const fg_load_options *opts, fg_error_info *err) {
  if (!g)
    return FG_EINVAL;
  fg_error_info local = FG_ERROR_INFO_INIT, *info;
  fg__mark mark;
  FG__TRY(fg__ld_begin(g, opts, err, &local, &info, &mark));
  if (table < 0 || table >= FG_TABLE_COUNT_)
    return fg__ld_reject(g, info, FG_EINVAL, "unknown table");
  return fg__ld_finish(g, &mark, fg__catalog_load_rows(g, table, src, opts, info, 0), info);
}

int fg_graph_load_catalog(fg_graph *g, const char *dir, const fg_load_options *opts,
                          fg_error_info *err) {
  if (!g)
    return FG_EINVAL;
  fg_error_info local = FG_ERROR_INFO_INIT, *info;
  fg__mark mark;
  FG__TRY(fg__ld_begin(g, opts, err, &local, &info, &mark));
  if (!dir)
    return fg__ld_reject(g, info, FG_EINVAL, "no catalogue folder given");
  /* Films and people before the tables that refer to them. */
  static const int order[FG_TABLE_COUNT_] = {FG_TABLE_FILMS, FG_TABLE_PEOPLE, FG_TABLE_AKAS,
                                             FG_TABLE_CREDITS, FG_TABLE_RELATIONS};
  int rc = FG_OK;
  for (int i = 0; i < FG_TABLE_COUNT_ && rc == FG_OK; i++) {
    char *path;
    rc = fg__ld_path_in(g, dir, specs[order[i]].file, order[i] != FG_TABLE_FILMS, info, &path);
    if (rc || !path)
      continue; /* an error ends the loop; a missing optional table is skipped */
    fg_source src = FG_SOURCE_INIT;
    src.path = path;
    rc = fg__catalog_load_rows(g, order[i], &src, opts, info, 0);
    fg__free(&g->alloc, path);
  }
  return fg__ld_finish(g, &mark, rc, info);
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
  const fg__table_spec *s = &specs[table];
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
      w_char(w, '\t'), w_num(w, r->is_adult), w_char(w, '\t');
      if (r->rating)
        w_bytes(w, tmp, (size_t)snprintf(tmp, sizeof tmp, "%d.%d", r->rating / 10, r->rating % 10));
      w_char(w, '\t'), w_num(w, (long)r->votes), w_char(w, '\t');
      w_text(w, r->series == FG_ID_NONE ? "" : STR(g->films[r->series].key));
      w_char(w, '\t'), w_num(w, r->season), w_char(w, '\t'), w_num(w, (long)r->episode);
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
      const char *b[2] = {fg__credit_job(g, r), fg__credit_characters(g, r)};
      w_fields(w, b, 2);
      break;
    }
    case FG_TABLE_AKAS: {
      const fg__aka *r = &g->akas[i];
      const char *a[5] = {STR(g->films[r->film].key), STR(r->title), fg__aka_meta(g, r, 0),
                          fg__aka_meta(g, r, 1), fg__aka_meta(g, r, 2)};
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

/* The write callback over a FILE: keeps the errno of a failed write. */
typedef struct file_sink {
  FILE *fp;
  int error;
} file_sink;

static int write_file(const void *data, size_t size, void *payload) {
  file_sink *sink = payload;
  if (fwrite(data, 1, size, sink->fp) == size)
    return 0;
  sink->error = errno;
  return -1;
}

/* Write table t to path; on failure info says why. */
static int write_table_file(const fg_graph *g, int t, const char *path, fg_error_info *info) {
  file_sink sink = {fopen(path, "wb"), 0};
  if (!sink.fp) {
    fg__info_set(info, FG_EIO, path, 0, 0, "cannot create: %s", strerror(errno));
    return FG_EIO;
  }
  int rc = fg_graph_write_table(g, t, write_file, &sink);
  if (fclose(sink.fp) != 0 && rc == FG_OK) {
    sink.error = errno;
    rc = FG_EIO;
  }
  if (rc != FG_OK)
    fg__info_set(info, rc, path, 0, 0, "cannot write: %s",
                 rc == FG_EIO && sink.error ? strerror(sink.error) : fg_errstr(rc));
  return rc;
}

int fg_graph_write_catalog(const fg_graph *g, const char *dir, fg_error_info *err) {
  if (!g || !dir)
    return FG_EINVAL;
  if (fg__check_info(err))
    return FG_EVERSION;
  fg_error_info local = FG_ERROR_INFO_INIT;
  fg_error_info *info = err ? err : &local;
  unsigned int version = info->version;
  memset(info, 0, sizeof *info);
  info->version = version;
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    fg__info_set(info, FG_EIO, dir, 0, 0, "cannot create folder: %s", strerror(errno));
    return FG_EIO;
  }
  /* Write every table beside its file first, then rename them all over the
   * old ones: a failure leaves the old catalogue whole, never a mix. */
  char *paths[FG_TABLE_COUNT_] = {NULL}, *tmps[FG_TABLE_COUNT_] = {NULL};
  int rc = FG_OK, t;
  for (t = 0; t < FG_TABLE_COUNT_ && rc == FG_OK; t++) {
    paths[t] = fg__join_path(&g->alloc, dir, specs[t].file);
    tmps[t] = paths[t] ? fg__malloc(&g->alloc, strlen(paths[t]) + 5) : NULL;
    if (!tmps[t]) {
      fg__info_set(info, rc = FG_ENOMEM, dir, 0, 0, "out of memory");
      break;
    }
    snprintf(tmps[t], strlen(paths[t]) + 5, "%s.tmp", paths[t]);
    rc = write_table_file(g, t, tmps[t], info);
    if (rc)
      remove(tmps[t]);
  }
  for (t = 0; t < FG_TABLE_COUNT_ && rc == FG_OK; t++) {
    if (rename(tmps[t], paths[t]) != 0) {
      fg__info_set(info, rc = FG_EIO, paths[t], 0, 0, "cannot replace: %s", strerror(errno));
      break;
    }
    info->rows += g->n[t];
  }
  for (t = 0; t < FG_TABLE_COUNT_; t++) {
    if (rc && tmps[t])
      remove(tmps[t]); /* the tables not renamed yet */
    fg__free(&g->alloc, tmps[t]);
    fg__free(&g->alloc, paths[t]);
  }
  return rc;
}
