/* The graph: records, keys, adding and reading, and rollback. */
#include "fg_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

const char *fg_version(void) { return FG_VERSION_STRING; }
int fg_version_number(void) { return FG_VERSION_NUMBER; }

static void *libc_malloc(size_t n, void *ud) { (void)ud; return malloc(n); }
static void *libc_realloc(void *p, size_t n, void *ud) { (void)ud; return realloc(p, n); }
static void libc_free(void *p, void *ud) { (void)ud; free(p); }

/* ---- Version-checked initialisers --------------------------------------- */

#define DEFINE_INIT(fn, type, current, init)                                  \
  int fn(type *rec, unsigned int version) {                                   \
    if (!rec)                                                                 \
      return FG_EINVAL;                                                       \
    if (version != (current))                                                 \
      return FG_EVERSION;                                                     \
    type fresh = init;                                                        \
    *rec = fresh;                                                             \
    return FG_OK;                                                             \
  }

DEFINE_INIT(fg_film_init, fg_film, FG_FILM_VERSION, FG_FILM_INIT)
DEFINE_INIT(fg_person_init, fg_person, FG_PERSON_VERSION, FG_PERSON_INIT)
DEFINE_INIT(fg_credit_init, fg_credit, FG_CREDIT_VERSION, FG_CREDIT_INIT)
DEFINE_INIT(fg_relation_init, fg_relation, FG_RELATION_VERSION, FG_RELATION_INIT)
DEFINE_INIT(fg_aka_init, fg_aka, FG_AKA_VERSION, FG_AKA_INIT)
DEFINE_INIT(fg_graph_options_init, fg_graph_options, FG_GRAPH_OPTIONS_VERSION,
            FG_GRAPH_OPTIONS_INIT)
DEFINE_INIT(fg_family_node_init, fg_family_node, FG_FAMILY_NODE_VERSION,
            FG_FAMILY_NODE_INIT)
DEFINE_INIT(fg_story_init, fg_story, FG_STORY_VERSION, FG_STORY_INIT)
DEFINE_INIT(fg_path_options_init, fg_path_options, FG_PATH_OPTIONS_VERSION,
            FG_PATH_OPTIONS_INIT)
DEFINE_INIT(fg_walk_options_init, fg_walk_options, FG_WALK_OPTIONS_VERSION,
            FG_WALK_OPTIONS_INIT)
DEFINE_INIT(fg_source_init, fg_source, FG_SOURCE_VERSION, FG_SOURCE_INIT)
DEFINE_INIT(fg_load_options_init, fg_load_options, FG_LOAD_OPTIONS_VERSION,
            FG_LOAD_OPTIONS_INIT)

/* ---- Life cycle ---------------------------------------------------------- */

int fg_graph_new(const fg_graph_options *opts, fg_graph **out) {
  if (!out)
    return FG_EINVAL;
  *out = NULL;
  fg__alloc a = {libc_malloc, libc_realloc, libc_free, NULL, 1};
  if (opts) {
    if (opts->version != FG_GRAPH_OPTIONS_VERSION)
      return FG_EVERSION;
    int set = !!opts->malloc_fn + !!opts->realloc_fn + !!opts->free_fn;
    if (set != 0 && set != 3)
      return FG_EINVAL;
    if (set == 3) {
      a.malloc_fn = opts->malloc_fn;
      a.realloc_fn = opts->realloc_fn;
      a.free_fn = opts->free_fn;
      a.ud = opts->alloc_ud;
      a.libc = 0;
    }
  }
  fg_graph *g = fg__malloc(&a, sizeof *g);
  if (!g)
    return FG_ENOMEM;
  memset(g, 0, sizeof *g);
  g->alloc = a;
  if (fg__strpool_init(&g->strings, &g->alloc) != FG_OK) {
    fg__free(&a, g);
    return FG_ENOMEM;
  }
  *out = g;
  return FG_OK;
}

void fg_graph_free(fg_graph *g) {
  if (!g)
    return;
  fg__alloc a = g->alloc;
  fg__index_free(&a, g->index);
  fg__keys_free(&g->film_keys, &a);
  fg__keys_free(&g->person_keys, &a);
  fg__free(&a, g->films);
  fg__free(&a, g->people);
  fg__free(&a, g->credits);
  fg__free(&a, g->relations);
  fg__free(&a, g->akas);
  fg__free(&a, g->undo);
  fg__strpool_free(&g->strings, &a);
  fg__free(&a, g);
}

size_t fg_graph_count(const fg_graph *g, int table) {
  if (!g || table < 0 || table >= FG_TABLE_COUNT_)
    return 0;
  return g->n[table];
}

int fg_graph_memory(const fg_graph *g, fg_memory *out) {
  if (!g || !out)
    return FG_EINVAL;
  if (out->version != FG_MEMORY_VERSION)
    return FG_EVERSION;
  static const size_t sizes[FG_TABLE_COUNT_] = {sizeof(fg__film), sizeof(fg__person),
                                                sizeof(fg__credit), sizeof(fg__aka),
                                                sizeof(fg__relation)};
  out->total = 0;
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    out->total += out->records[t] = (uint64_t)g->cap[t] * sizes[t];
  out->total += out->strings = (uint64_t)g->strings.nchunks * FG__STR_CHUNK;
  out->total += out->string_table = (uint64_t)g->strings.nslots * sizeof(fg__slot);
  out->total += out->keys =
      (uint64_t)(g->film_keys.map.nslots + g->person_keys.map.nslots) * sizeof(fg__slot) +
      (uint64_t)(g->film_keys.cap + g->person_keys.cap) * sizeof(uint32_t);
  out->adjacency = fg__index_adjacency_bytes(g->index);
  out->search = fg__index_search_bytes(g->index);
  out->total += out->index = out->adjacency + out->search;
  out->total += out->other = sizeof *g + g->cap_undo * sizeof(fg__undo);
  return FG_OK;
}

/* ---- Rollback ------------------------------------------------------------ */

void fg__mark_take(const fg_graph *g, fg__mark *m) {
  memcpy(m->n, g->n, sizeof m->n);
  m->strings = g->strings.len;
  m->undo = g->n_undo;
}

void fg__rollback(fg_graph *g, const fg__mark *m) {
  /* Keys first: removing them reads their strings. */
  fg__keys_remove_from(g, FG_TABLE_FILMS, (fg_id)m->n[FG_TABLE_FILMS],
                       (fg_id)g->n[FG_TABLE_FILMS]);
  fg__keys_remove_from(g, FG_TABLE_PEOPLE, (fg_id)m->n[FG_TABLE_PEOPLE],
                       (fg_id)g->n[FG_TABLE_PEOPLE]);
  /* An index built over records now undone (a query from a callback
   * during the load) must not pass for valid when the counts come back. */
  if (g->index) {
    for (int t = 0; t < FG_TABLE_COUNT_; t++) {
      if (g->index->n[t] > m->n[t]) {
        fg__index_free(&g->alloc, g->index);
        g->index = NULL;
        break;
      }
    }
  }
  memcpy(g->n, m->n, sizeof g->n);
  if (g->credits_sorted > g->n[FG_TABLE_CREDITS])
    g->credits_sorted = g->n[FG_TABLE_CREDITS];
  fg__strpool_truncate(&g->strings, &g->alloc, m->strings);
  /* Restore changed films, newest change first. */
  while (g->n_undo > m->undo) {
    const fg__undo *e = &g->undo[--g->n_undo];
    fg__film *r = &g->films[e->film];
    r->votes = e->votes, r->series = e->series, r->episode = e->episode;
    r->season = e->season, r->rating = e->rating;
  }
}

/* ---- Adding -------------------------------------------------------------- */

static int check_text(fg_graph *g, const char *s, const char *what, int required) {
  if (!s || !*s) {
    if (required)
      return fg__seterr(g, FG_EINVAL, "%s is required", what);
    return FG_OK;
  }
  if (!fg__utf8_valid(s, strlen(s), NULL))
    return fg__seterr(g, FG_EINVAL, "%s is not valid UTF-8", what);
  return FG_OK;
}

static int check_year(fg_graph *g, int32_t y, const char *what) {
  if (y < 0 || y > 9999)
    return fg__seterr(g, FG_EINVAL, "%s %ld is out of range (1-9999, 0 for unknown)", what,
                      (long)y);
  return FG_OK;
}

/* Reserve room for one more record of `table`. */
static int reserve_one(fg_graph *g, int table, void **arr, size_t elem) {
  if (g->n[table] >= FG__MAX_RECORDS)
    return fg__seterr(g, FG_ELIMIT, "too many records (the limit is %zu)", FG__MAX_RECORDS);
  if (g->n[table] < g->cap[table])
    return FG_OK; /* the common case, without a call */
  int rc = fg__reserve(&g->alloc, arr, &g->cap[table], g->n[table] + 1, elem);
  if (rc)
    return fg__seterr(g, rc, "%s", fg_errstr(rc));
  return FG_OK;
}

/* s as an fg__text (NULL is ""). */
static fg__text text_of(const char *s) {
  fg__text t = {s ? s : "", s ? strlen(s) : 0};
  return t;
}

/* A string could not be stored: say why. */
static int store_failed(fg_graph *g, int rc) {
  return fg__seterr(g, rc, "%s",
                    rc == FG_ELIMIT ? "string storage is full (4 GiB)" : fg_errstr(rc));
}

/* Store each of `count` strings, strs[i] as modes[i] says (FG__STR_*);
 * on failure undo them all. */
static int store_all(fg_graph *g, const fg__text *strs, const uint8_t *modes, uint32_t *handles,
                     int count) {
  size_t mark = g->strings.len;
  for (int i = 0; i < count; i++) {
    if (!strs[i].len) { /* (most of a film's eight, from IMDb): no call */
      handles[i] = 0;
      continue;
    }
    int rc = fg__strpool_put(&g->strings, &g->alloc, strs[i].p, strs[i].len, modes[i],
                             &handles[i]);
    if (rc) {
      fg__strpool_truncate(&g->strings, &g->alloc, mark);
      return store_failed(g, rc);
    }
  }
  return FG_OK;
}

/* Store "a\0b..." made of n parts, interned; *out = 0 if all are empty. */
static int store_compound(fg_graph *g, const fg__text *parts, int n, uint32_t *out) {
  size_t len = 0;
  int any = 0;
  for (int i = 0; i < n; i++) {
    len += parts[i].len + (i > 0);
    any |= parts[i].len != 0;
  }
  if (!any) {
    *out = 0;
    return FG_OK;
  }
  char small[256], *buf = len <= sizeof small ? small : fg__malloc(&g->alloc, len);
  if (!buf)
    return fg__seterr(g, FG_ENOMEM, "%s", fg_errstr(FG_ENOMEM));
  size_t at = 0;
  for (int i = 0; i < n; i++) {
    if (i)
      buf[at++] = '\0';
    memcpy(buf + at, parts[i].p, parts[i].len);
    at += parts[i].len;
  }
  int rc = fg__strpool_put(&g->strings, &g->alloc, buf, len, FG__STR_EXACT, out);
  if (buf != small)
    fg__free(&g->alloc, buf);
  return rc ? store_failed(g, rc) : FG_OK;
}

const char *fg__credit_job(const fg_graph *g, const fg__credit *c) {
  return c->has & FG__HAS_JOB ? fg__str(&g->strings, c->text) : "";
}

const char *fg__credit_characters(const fg_graph *g, const fg__credit *c) {
  if (!(c->has & FG__HAS_CHARACTERS))
    return "";
  const char *s = fg__str(&g->strings, c->text);
  return c->has & FG__HAS_JOB ? fg__str_next(s) : s;
}

const char *fg__aka_meta(const fg_graph *g, const fg__aka *a, int part) {
  if (!a->meta)
    return "";
  const char *s = fg__str(&g->strings, a->meta);
  while (part-- > 0)
    s = fg__str_next(s);
  return s;
}

/* Free text (titles, names, characters) is interned exactly, except in
 * bulk loads, where a cache of recent strings finds the repeats. */
#define TEXT(bulk) ((bulk) ? FG__STR_CACHED : FG__STR_EXACT)
#define VOCAB FG__STR_EXACT
#define KEY FG__STR_UNIQUE

static int check_version(fg_graph *g, unsigned int got, unsigned int want, const char *what) {
  if (got != want)
    return fg__seterr(g, FG_EVERSION, "%s version %u is not supported (expected %u)", what,
                      got, want);
  return FG_OK;
}

/* ---- Appends (validated input) -------------------------------------------- */

/* Reserve room for a new record's key: FG_EEXISTS (with the graph's
 * message) if a record of `what` has it already. */
static int reserve_key(fg_graph *g, int table, const char *what, const fg__text *key,
                       fg__keyslot *slot) {
  int rc = fg__keys_reserve(g, table, key->p, key->len, slot);
  if (rc == FG_EEXISTS) /* the whole key, as far as the message holds it */
    return fg__seterr(g, rc, "duplicate %s key '%.*s'", what,
                      key->len < INT_MAX ? (int)key->len : INT_MAX, key->p);
  return rc ? fg__seterr(g, rc, "%s", fg_errstr(rc)) : FG_OK;
}

int fg__append_film(fg_graph *g, const fg_film *f, int bulk, fg_id *out_id) {
  const fg__text t[FG__FILM_TEXTS] = {
      text_of(f->key),       text_of(f->title),  text_of(f->original_title),
      text_of(f->countries), text_of(f->languages), text_of(f->genres),
      text_of(f->source),    text_of(f->subject)};
  return fg__append_film_texts(g, f, t, bulk, out_id);
}

int fg__append_film_texts(fg_graph *g, const fg_film *f, const fg__text *t, int bulk,
                          fg_id *out_id) {
  /* A duplicate is told before anything can fail for want of room. */
  fg__keyslot slot;
  FG__TRY(reserve_key(g, FG_TABLE_FILMS, "film", &t[0], &slot));
  void *arr = g->films;
  int rc = reserve_one(g, FG_TABLE_FILMS, &arr, sizeof *g->films);
  g->films = arr;
  if (rc)
    return rc;
  const uint8_t modes[FG__FILM_TEXTS] = {KEY,   TEXT(bulk), TEXT(bulk), VOCAB,
                                         VOCAB, VOCAB,      TEXT(bulk), TEXT(bulk)};
  uint32_t h[FG__FILM_TEXTS];
  FG__TRY(store_all(g, t, modes, h, FG__FILM_TEXTS));
  fg_id id = (fg_id)g->n[FG_TABLE_FILMS];
  fg__film *r = &g->films[id];
  r->key = h[0], r->title = h[1], r->original_title = h[2], r->countries = h[3];
  r->languages = h[4], r->genres = h[5], r->source = h[6], r->subject = h[7];
  r->year = (int16_t)f->year;
  r->end_year = (int16_t)f->end_year;
  r->runtime = f->runtime;
  r->kind = (uint8_t)f->kind;
  r->origin = (uint16_t)f->origin;
  r->is_adult = (uint8_t)f->is_adult;
  r->rating = (uint8_t)f->rating;
  r->votes = f->votes;
  r->series = f->series;
  r->season = (uint16_t)f->season;
  r->episode = (uint32_t)f->episode;
  fg__keys_insert(g, FG_TABLE_FILMS, &slot, t[0].p, t[0].len, id);
  g->n[FG_TABLE_FILMS]++;
  if (out_id)
    *out_id = id;
  return FG_OK;
}

int fg__append_person(fg_graph *g, const fg_person *p, int bulk, fg_id *out_id) {
  const fg__text t[FG__PERSON_TEXTS] = {text_of(p->key), text_of(p->name),
                                        text_of(p->professions)};
  return fg__append_person_texts(g, p, t, bulk, out_id);
}

int fg__append_person_texts(fg_graph *g, const fg_person *p, const fg__text *t, int bulk,
                            fg_id *out_id) {
  fg__keyslot slot;
  FG__TRY(reserve_key(g, FG_TABLE_PEOPLE, "person", &t[0], &slot));
  void *arr = g->people;
  int rc = reserve_one(g, FG_TABLE_PEOPLE, &arr, sizeof *g->people);
  g->people = arr;
  if (rc)
    return rc;
  const uint8_t modes[FG__PERSON_TEXTS] = {KEY, TEXT(bulk), VOCAB};
  uint32_t h[FG__PERSON_TEXTS];
  FG__TRY(store_all(g, t, modes, h, FG__PERSON_TEXTS));
  fg_id id = (fg_id)g->n[FG_TABLE_PEOPLE];
  fg__person *r = &g->people[id];
  r->key = h[0], r->name = h[1], r->professions = h[2];
  r->birth_year = (int16_t)p->birth_year;
  r->death_year = (int16_t)p->death_year;
  fg__keys_insert(g, FG_TABLE_PEOPLE, &slot, t[0].p, t[0].len, id);
  g->n[FG_TABLE_PEOPLE]++;
  if (out_id)
    *out_id = id;
  return FG_OK;
}

int fg__append_credit(fg_graph *g, const fg_credit *c, int bulk, fg_id *out_id) {
  const fg__text t[FG__CREDIT_TEXTS] = {text_of(c->job), text_of(c->characters)};
  return fg__append_credit_texts(g, c, t, bulk, out_id);
}

int fg__append_credit_texts(fg_graph *g, const fg_credit *c, const fg__text *t, int bulk,
                            fg_id *out_id) {
  void *arr = g->credits;
  int rc = reserve_one(g, FG_TABLE_CREDITS, &arr, sizeof *g->credits);
  g->credits = arr;
  if (rc)
    return rc;
  uint8_t has = (uint8_t)((t[0].len ? FG__HAS_JOB : 0) | (t[1].len ? FG__HAS_CHARACTERS : 0));
  uint32_t text = 0;
  if (has == (FG__HAS_JOB | FG__HAS_CHARACTERS)) {
    FG__TRY(store_compound(g, t, 2, &text));
  } else if (has) { /* one string: stored directly (a failed put stores nothing) */
    const fg__text *one = &t[has == FG__HAS_JOB ? 0 : 1];
    rc = fg__strpool_put(&g->strings, &g->alloc, one->p, one->len,
                         has == FG__HAS_JOB ? VOCAB : TEXT(bulk), &text);
    if (rc)
      return store_failed(g, rc);
  }
  fg_id id = (fg_id)g->n[FG_TABLE_CREDITS];
  fg__credit *r = &g->credits[id];
  r->film = c->film, r->person = c->person, r->text = text, r->has = has;
  r->billing = (uint16_t)c->billing;
  r->role = (uint8_t)c->role;
  if (g->credits_sorted == id && (id == 0 || g->credits[id - 1].film <= c->film))
    g->credits_sorted = id + 1;
  g->n[FG_TABLE_CREDITS]++;
  if (out_id)
    *out_id = id;
  return FG_OK;
}

int fg__append_aka(fg_graph *g, const fg_aka *aka, int bulk, fg_id *out_id) {
  const fg__text t[FG__AKA_TEXTS] = {text_of(aka->title), text_of(aka->region),
                                     text_of(aka->language), text_of(aka->types)};
  return fg__append_aka_texts(g, aka, t, NULL, bulk, out_id);
}

int fg__append_aka_texts(fg_graph *g, const fg_aka *aka, const fg__text *t,
                         const uint32_t *meta_known, int bulk, fg_id *out_id) {
  void *arr = g->akas;
  int rc = reserve_one(g, FG_TABLE_AKAS, &arr, sizeof *g->akas);
  g->akas = arr;
  if (rc)
    return rc;
  /* Many AKAs repeat the film's own title: share its copy. */
  const fg__film *f = &g->films[aka->film];
  uint32_t same_title = 0;
  if (fg__strpool_equals(&g->strings, f->title, t[0].p, t[0].len))
    same_title = f->title;
  else if (f->original_title &&
           fg__strpool_equals(&g->strings, f->original_title, t[0].p, t[0].len))
    same_title = f->original_title;
  size_t mark = g->strings.len;
  const fg__text none = {"", 0};
  const uint8_t mode = TEXT(bulk);
  uint32_t title_h, meta;
  FG__TRY(store_all(g, same_title ? &none : &t[0], &mode, &title_h, 1));
  if (meta_known)
    meta = *meta_known;
  else if ((rc = store_compound(g, t + 1, 3, &meta))) {
    fg__strpool_truncate(&g->strings, &g->alloc, mark);
    return rc;
  }
  fg_id id = (fg_id)g->n[FG_TABLE_AKAS];
  fg__aka *r = &g->akas[id];
  r->film = aka->film, r->meta = meta;
  r->title = same_title ? same_title : title_h;
  r->is_original = (uint8_t)aka->is_original;
  g->n[FG_TABLE_AKAS]++;
  if (out_id)
    *out_id = id;
  return FG_OK;
}

/* ---- Changing films during a load (undo-logged) ---------------------------- */

/* Log film's current rating and episode fields if it predates the load. */
static int log_film(fg_graph *g, fg_id film) {
  if (film >= g->txn_films)
    return FG_OK; /* added by this load: a rollback removes it whole */
  void *u = g->undo;
  int rc = fg__reserve(&g->alloc, &u, &g->cap_undo, g->n_undo + 1, sizeof *g->undo);
  if (rc)
    return rc;
  g->undo = u;
  const fg__film *r = &g->films[film];
  fg__undo e = {film, r->votes, r->series, r->episode, r->season, r->rating};
  g->undo[g->n_undo++] = e;
  return FG_OK;
}

int fg__film_set_rating(fg_graph *g, fg_id film, int32_t rating, uint32_t votes) {
  FG__TRY(log_film(g, film));
  g->films[film].rating = (uint8_t)rating;
  g->films[film].votes = votes;
  return FG_OK;
}

int fg__film_set_episode(fg_graph *g, fg_id film, fg_id series, int32_t season,
                         int32_t episode) {
  FG__TRY(log_film(g, film));
  g->films[film].series = series;
  g->films[film].season = (uint16_t)season;
  g->films[film].episode = (uint32_t)episode;
  return FG_OK;
}

/* ---- Adding ---------------------------------------------------------------- */

int fg_graph_add_film(fg_graph *g, const fg_film *f, fg_id *out_id) {
  if (!g)
    return FG_EINVAL;
  if (!f)
    return fg__seterr(g, FG_EINVAL, "film is NULL");
  FG__TRY(check_version(g, f->version, FG_FILM_VERSION, "fg_film"));
  FG__TRY(check_text(g, f->key, "film key", 1));
  FG__TRY(check_text(g, f->title, "film title", 1));
  FG__TRY(check_text(g, f->original_title, "original title", 0));
  FG__TRY(check_text(g, f->countries, "countries", 0));
  FG__TRY(check_text(g, f->languages, "languages", 0));
  FG__TRY(check_text(g, f->genres, "genres", 0));
  FG__TRY(check_text(g, f->source, "source", 0));
  FG__TRY(check_text(g, f->subject, "subject", 0));
  FG__TRY(check_year(g, f->year, "year"));
  FG__TRY(check_year(g, f->end_year, "end year"));
  if (f->runtime < 0 || f->runtime > 1000000)
    return fg__seterr(g, FG_EINVAL, "runtime %ld is out of range (1-1000000 minutes, 0 for unknown)",
                      (long)f->runtime);
  if (f->kind < 0 || f->kind >= FG_KIND_COUNT_)
    return fg__seterr(g, FG_EINVAL, "film kind %ld is unknown", (long)f->kind);
  if (f->origin & ~FG_ORIGIN_ALL_)
    return fg__seterr(g, FG_EINVAL, "origin bits 0x%lx are unknown",
                      (unsigned long)(f->origin & ~FG_ORIGIN_ALL_));
  if (f->is_adult != 0 && f->is_adult != 1)
    return fg__seterr(g, FG_EINVAL, "is_adult must be 0 or 1");
  if (f->rating < 0 || f->rating > 100 || (f->rating > 0 && f->rating < 10))
    return fg__seterr(g, FG_EINVAL, "rating %ld is out of range (10-100, i.e. 1.0-10.0; 0 for none)",
                      (long)f->rating);
  if (f->votes > 2147483647u)
    return fg__seterr(g, FG_EINVAL, "votes %lu is out of range (0-2147483647)",
                      (unsigned long)f->votes);
  if (f->series != FG_ID_NONE && f->series >= g->n[FG_TABLE_FILMS])
    return fg__seterr(g, FG_ENOTFOUND, "series: no film with id %lu", (unsigned long)f->series);
  if (f->season < 0 || f->season > 65535)
    return fg__seterr(g, FG_EINVAL, "season %ld is out of range (1-65535, 0 for unknown)",
                      (long)f->season);
  if (f->episode < 0)
    return fg__seterr(g, FG_EINVAL, "episode %ld is negative", (long)f->episode);
  return fg__append_film(g, f, 0, out_id);
}

int fg_graph_add_person(fg_graph *g, const fg_person *p, fg_id *out_id) {
  if (!g)
    return FG_EINVAL;
  if (!p)
    return fg__seterr(g, FG_EINVAL, "person is NULL");
  FG__TRY(check_version(g, p->version, FG_PERSON_VERSION, "fg_person"));
  FG__TRY(check_text(g, p->key, "person key", 1));
  FG__TRY(check_text(g, p->name, "person name", 1));
  FG__TRY(check_text(g, p->professions, "professions", 0));
  FG__TRY(check_year(g, p->birth_year, "birth year"));
  FG__TRY(check_year(g, p->death_year, "death year"));
  return fg__append_person(g, p, 0, out_id);
}

static int check_film_id(fg_graph *g, fg_id film, const char *what) {
  if (film >= g->n[FG_TABLE_FILMS])
    return fg__seterr(g, FG_ENOTFOUND, "%s: no film with id %lu", what, (unsigned long)film);
  return FG_OK;
}

int fg_graph_add_credit(fg_graph *g, const fg_credit *c, fg_id *out_id) {
  if (!g)
    return FG_EINVAL;
  if (!c)
    return fg__seterr(g, FG_EINVAL, "credit is NULL");
  FG__TRY(check_version(g, c->version, FG_CREDIT_VERSION, "fg_credit"));
  FG__TRY(check_film_id(g, c->film, "credit"));
  if (c->person >= g->n[FG_TABLE_PEOPLE])
    return fg__seterr(g, FG_ENOTFOUND, "credit: no person with id %lu",
                      (unsigned long)c->person);
  if (c->role < 0 || c->role >= FG_ROLE_COUNT_)
    return fg__seterr(g, FG_EINVAL, "credit role %ld is unknown", (long)c->role);
  if (c->billing < 0 || c->billing > 65535)
    return fg__seterr(g, FG_EINVAL, "billing %ld is out of range (1-65535, 0 for unknown)",
                      (long)c->billing);
  FG__TRY(check_text(g, c->job, "job", 0));
  FG__TRY(check_text(g, c->characters, "characters", 0));
  return fg__append_credit(g, c, 0, out_id);
}

int fg_graph_add_relation(fg_graph *g, const fg_relation *rel, fg_id *out_id) {
  if (!g)
    return FG_EINVAL;
  if (!rel)
    return fg__seterr(g, FG_EINVAL, "relation is NULL");
  FG__TRY(check_version(g, rel->version, FG_RELATION_VERSION, "fg_relation"));
  FG__TRY(check_film_id(g, rel->from, "relation"));
  FG__TRY(check_film_id(g, rel->to, "relation"));
  if (rel->type < 0 || rel->type >= FG_REL_COUNT_)
    return fg__seterr(g, FG_EINVAL, "relation type %ld is unknown", (long)rel->type);
  if (rel->flags & ~FG_RELF_UNOFFICIAL)
    return fg__seterr(g, FG_EINVAL, "relation flags 0x%lx are unknown",
                      (unsigned long)(rel->flags & ~FG_RELF_UNOFFICIAL));
  if (rel->from == rel->to)
    return fg__seterr(g, FG_EINVAL, "a film cannot be %s itself ('%s')",
                      fg_relation_name(rel->type),
                      fg__str(&g->strings, g->films[rel->from].key));
  FG__TRY(check_text(g, rel->note, "note", 0));
  void *arr = g->relations;
  int rc = reserve_one(g, FG_TABLE_RELATIONS, &arr, sizeof *g->relations);
  g->relations = arr;
  if (rc)
    return rc;
  const uint8_t mode = FG__STR_EXACT;
  const fg__text note = text_of(rel->note);
  uint32_t h;
  FG__TRY(store_all(g, &note, &mode, &h, 1));
  fg_id id = (fg_id)g->n[FG_TABLE_RELATIONS];
  fg__relation *r = &g->relations[id];
  r->from = rel->from, r->to = rel->to, r->note = h;
  r->type = (uint8_t)rel->type;
  r->flags = (uint8_t)rel->flags;
  g->n[FG_TABLE_RELATIONS]++;
  if (out_id)
    *out_id = id;
  return FG_OK;
}

int fg_graph_add_aka(fg_graph *g, const fg_aka *aka, fg_id *out_id) {
  if (!g)
    return FG_EINVAL;
  if (!aka)
    return fg__seterr(g, FG_EINVAL, "aka is NULL");
  FG__TRY(check_version(g, aka->version, FG_AKA_VERSION, "fg_aka"));
  FG__TRY(check_film_id(g, aka->film, "aka"));
  FG__TRY(check_text(g, aka->title, "aka title", 1));
  FG__TRY(check_text(g, aka->region, "region", 0));
  FG__TRY(check_text(g, aka->language, "language", 0));
  FG__TRY(check_text(g, aka->types, "types", 0));
  if (aka->is_original != 0 && aka->is_original != 1)
    return fg__seterr(g, FG_EINVAL, "is_original must be 0 or 1");
  return fg__append_aka(g, aka, 0, out_id);
}

/* ---- Reading ------------------------------------------------------------- */

#define S(h) fg__str(&g->strings, (h))

int fg_graph_film(const fg_graph *g, fg_id id, fg_film *out) {
  if (!g || !out)
    return FG_EINVAL;
  if (out->version != FG_FILM_VERSION)
    return FG_EVERSION;
  if (id >= g->n[FG_TABLE_FILMS])
    return FG_ENOTFOUND;
  const fg__film *r = &g->films[id];
  out->key = S(r->key), out->title = S(r->title), out->original_title = S(r->original_title);
  out->year = r->year, out->end_year = r->end_year, out->runtime = r->runtime;
  out->kind = r->kind;
  out->countries = S(r->countries), out->languages = S(r->languages);
  out->genres = S(r->genres);
  out->origin = r->origin;
  out->source = S(r->source), out->subject = S(r->subject);
  out->is_adult = r->is_adult, out->rating = r->rating, out->votes = r->votes;
  out->series = r->series, out->season = r->season, out->episode = (int32_t)r->episode;
  return FG_OK;
}

int fg_graph_person(const fg_graph *g, fg_id id, fg_person *out) {
  if (!g || !out)
    return FG_EINVAL;
  if (out->version != FG_PERSON_VERSION)
    return FG_EVERSION;
  if (id >= g->n[FG_TABLE_PEOPLE])
    return FG_ENOTFOUND;
  const fg__person *r = &g->people[id];
  out->key = S(r->key), out->name = S(r->name), out->professions = S(r->professions);
  out->birth_year = r->birth_year, out->death_year = r->death_year;
  return FG_OK;
}

int fg_graph_credit(const fg_graph *g, fg_id id, fg_credit *out) {
  if (!g || !out)
    return FG_EINVAL;
  if (out->version != FG_CREDIT_VERSION)
    return FG_EVERSION;
  if (id >= g->n[FG_TABLE_CREDITS])
    return FG_ENOTFOUND;
  const fg__credit *r = &g->credits[id];
  out->film = r->film, out->person = r->person, out->role = r->role;
  out->billing = r->billing;
  out->job = fg__credit_job(g, r), out->characters = fg__credit_characters(g, r);
  return FG_OK;
}

int fg_graph_relation(const fg_graph *g, fg_id id, fg_relation *out) {
  if (!g || !out)
    return FG_EINVAL;
  if (out->version != FG_RELATION_VERSION)
    return FG_EVERSION;
  if (id >= g->n[FG_TABLE_RELATIONS])
    return FG_ENOTFOUND;
  const fg__relation *r = &g->relations[id];
  out->from = r->from, out->to = r->to, out->type = r->type, out->flags = r->flags;
  out->note = S(r->note);
  return FG_OK;
}

int fg_graph_aka(const fg_graph *g, fg_id id, fg_aka *out) {
  if (!g || !out)
    return FG_EINVAL;
  if (out->version != FG_AKA_VERSION)
    return FG_EVERSION;
  if (id >= g->n[FG_TABLE_AKAS])
    return FG_ENOTFOUND;
  const fg__aka *r = &g->akas[id];
  out->film = r->film, out->title = S(r->title), out->region = fg__aka_meta(g, r, 0);
  out->language = fg__aka_meta(g, r, 1), out->types = fg__aka_meta(g, r, 2);
  out->is_original = r->is_original;
  return FG_OK;
}

int fg_graph_find_film(const fg_graph *g, const char *key, fg_id *out) {
  if (!g || !key || !out)
    return FG_EINVAL;
  *out = fg__keys_find(g, FG_TABLE_FILMS, key, strlen(key));
  return *out == FG_ID_NONE ? FG_ENOTFOUND : FG_OK;
}

int fg_graph_find_person(const fg_graph *g, const char *key, fg_id *out) {
  if (!g || !key || !out)
    return FG_EINVAL;
  *out = fg__keys_find(g, FG_TABLE_PEOPLE, key, strlen(key));
  return *out == FG_ID_NONE ? FG_ENOTFOUND : FG_OK;
}
