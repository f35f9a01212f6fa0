/* IMDb's non-commercial datasets, as published: one row function per file
 * on top of load.c. Rows are grouped by title in IMDb's files, so the last
 * title looked up is remembered; director and writer credits are not loaded
 * twice when both title.principals and title.crew name them. */
#include "fg_internal.h"

#include <stdio.h>
#include <string.h>

static const fg__table_spec specs[FG_IMDB_FILE_COUNT_] = {
    {"title.basics.tsv",
     9,
     9,
     {"tconst", "titleType", "primaryTitle", "originalTitle", "isAdult", "startYear", "endYear",
      "runtimeMinutes", "genres"}},
    {"name.basics.tsv",
     6,
     6,
     {"nconst", "primaryName", "birthYear", "deathYear", "primaryProfession", "knownForTitles"}},
    {"title.akas.tsv",
     8,
     8,
     {"titleId", "ordering", "title", "region", "language", "types", "attributes",
      "isOriginalTitle"}},
    {"title.principals.tsv",
     6,
     6,
     {"tconst", "ordering", "nconst", "category", "job", "characters"}},
    {"title.crew.tsv", 3, 3, {"tconst", "directors", "writers"}},
    {"title.episode.tsv", 4, 4, {"tconst", "parentTconst", "seasonNumber", "episodeNumber"}},
    {"title.ratings.tsv", 3, 3, {"tconst", "averageRating", "numVotes"}},
};

const char *fg_imdb_file_name(int file) {
  return file >= 0 && file < FG_IMDB_FILE_COUNT_ ? specs[file].file : NULL;
}

/* IMDb's titleType values, in enum fg_kind order from FG_KIND_MOVIE, with
 * their lengths (compared first: no strlen a row). */
#define TYPE(s) {s, sizeof s - 1}
static const struct {
  const char *name;
  size_t len;
} title_types[] = {
    TYPE("movie"),        TYPE("short"),     TYPE("tvMovie"),   TYPE("tvSeries"),
    TYPE("tvMiniSeries"), TYPE("tvEpisode"), TYPE("tvSpecial"), TYPE("tvShort"),
    TYPE("tvPilot"),      TYPE("video"),     TYPE("videoGame"),
};
#undef TYPE

typedef struct imdb_ctx {
  /* The title of the previous row, and its id. */
  char last_key[64];
  size_t last_len;
  fg_id last_film;
  /* Credits that existed when the load began, for not adding a director
   * or writer twice: if they are sorted by film (as IMDb's files load),
   * a cursor walks them; otherwise a temporary by-film index is built. */
  size_t n0, films0;
  int sorted;
  size_t cursor;
  uint32_t *by_film_start, *by_film;
  /* title.akas: recent region, language and types (the raw bytes of
   * the three columns, tabs and \N included) and the handle they were
   * stored as, so that a repeated set (about 1,500 sets in 3M rows at 1M
   * titles) is neither rebuilt nor looked up again (1M: 9% faster). */
  struct meta_memo *metas;
} imdb_ctx;

#define META_MEMO 1024 /* entries, direct-mapped */
#define META_RAW 32    /* longest raw bytes kept */
typedef struct meta_memo {
  uint32_t handle;
  uint32_t len; /* 0: empty */
  char raw[META_RAW];
} meta_memo;

/* ---- References --------------------------------------------------------- */

/* The row names a title or person that is not loaded: skip it (reported)
 * or, with FG_LOAD_STRICT_REFS, fail. */
static int dangling(fg__loader *ld, const fg__field *f, const char *what) {
  char buf[64];
  int rc = fg__ld_fail(ld, FG_ENOTFOUND, f->off, "unknown %s '%s'", what, fg__ld_shown(f, buf));
  if (ld->opts && (ld->opts->flags & FG_LOAD_STRICT_REFS))
    return rc;
  fg__ld_skip(ld);
  return FG__ROW_SKIPPED;
}

static fg_id find_film(const fg__loader *ld, const fg__field *f) {
  return fg__keys_find(ld->g, FG_TABLE_FILMS, f->p, f->len);
}

static fg_id find_person(const fg__loader *ld, const fg__field *f) {
  return fg__keys_find(ld->g, FG_TABLE_PEOPLE, f->p, f->len);
}

/* a[0..len) == b[0..len); up to 16 bytes (keys such as tt0000001) in two loads
 * each rather than a call. */
static int same_bytes(const char *a, const char *b, size_t len) {
  if (len >= 8 && len <= 16) {
    uint64_t a0, a1, b0, b1;
    memcpy(&a0, a, 8);
    memcpy(&b0, b, 8);
    memcpy(&a1, a + len - 8, 8);
    memcpy(&b1, b + len - 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  return memcmp(a, b, len) == 0;
}

static int title_lookup(fg__loader *ld, int col, const fg__field *f, fg_id *out);

/* The film named by field `col`, remembering the last one. Rows come
 * grouped by title, so most rows name the last one again: that test is
 * inline, the lookup is not. */
static inline int title_ref(fg__loader *ld, int col, fg_id *out) {
  const imdb_ctx *c = ld->ctx;
  const fg__field *f = fg__ld_field(ld, col);
  if (f->len == c->last_len && c->last_film != FG_ID_NONE &&
      same_bytes(f->p, c->last_key, f->len)) {
    *out = c->last_film;
    return FG_OK;
  }
  return title_lookup(ld, col, f, out);
}

static int title_lookup(fg__loader *ld, int col, const fg__field *f, fg_id *out) {
  imdb_ctx *c = ld->ctx;
  if (fg__ld_is_null(ld, f))
    return fg__ld_fail(ld, FG_EPARSE, f->off, "%s is empty (\\N)", ld->spec->cols[col]);
  fg_id id = find_film(ld, f);
  if (id == FG_ID_NONE)
    return dangling(ld, f, "title");
  if (f->len < sizeof c->last_key) {
    memcpy(c->last_key, f->p, f->len);
    c->last_len = f->len;
    c->last_film = id;
  }
  *out = id;
  return FG_OK;
}

/* ---- Director and writer credits loaded once ------------------------------ */

static int dedupe_init(fg__loader *ld, imdb_ctx *c) {
  const fg_graph *g = ld->g;
  c->n0 = g->n[FG_TABLE_CREDITS];
  c->films0 = g->n[FG_TABLE_FILMS];
  c->sorted = g->credits_sorted >= c->n0;
  if (c->sorted || !c->n0)
    return FG_OK;
  /* Group the existing credits by film (a counting sort). */
  size_t nf = c->films0;
  c->by_film_start = fg__malloc(&g->alloc, (nf + 1) * sizeof *c->by_film_start);
  c->by_film = fg__malloc(&g->alloc, c->n0 * sizeof *c->by_film);
  if (!c->by_film_start || !c->by_film)
    return FG_ENOMEM;
  memset(c->by_film_start, 0, (nf + 1) * sizeof *c->by_film_start);
  for (size_t i = 0; i < c->n0; i++)
    c->by_film_start[g->credits[i].film + 1]++;
  for (size_t f = 0; f < nf; f++)
    c->by_film_start[f + 1] += c->by_film_start[f];
  for (size_t i = 0; i < c->n0; i++)
    c->by_film[c->by_film_start[g->credits[i].film]++] = (uint32_t)i;
  for (size_t f = nf; f > 0; f--)
    c->by_film_start[f] = c->by_film_start[f - 1];
  c->by_film_start[0] = 0;
  return FG_OK;
}

static int same(const fg__credit *cr, fg_id film, fg_id person, int role) {
  return cr->film == film && cr->person == person && cr->role == role;
}

/* Is (film, person, role) among the credits that existed when the load
 * began, or among credits [row_start, n) of the current row? */
static int has_credit(const fg_graph *g, imdb_ctx *c, fg_id film, fg_id person, int role,
                      size_t row_start) {
  for (size_t i = row_start; i < g->n[FG_TABLE_CREDITS]; i++)
    if (same(&g->credits[i], film, person, role))
      return 1;
  if (!c->n0 || film >= c->films0)
    return 0;
  if (!c->sorted) {
    for (uint32_t k = c->by_film_start[film]; k < c->by_film_start[film + 1]; k++)
      if (same(&g->credits[c->by_film[k]], film, person, role))
        return 1;
    return 0;
  }
  /* Rows come in film order, so the cursor mostly steps forward; a jump
   * back (or far ahead) is a binary search. */
  const fg__credit *cr = g->credits;
  size_t at = c->cursor;
  if (at > c->n0 || (at > 0 && cr[at - 1].film >= film) ||
      (at + 64 < c->n0 && cr[at + 64].film < film)) {
    size_t lo = 0, hi = c->n0;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (cr[mid].film < film)
        lo = mid + 1;
      else
        hi = mid;
    }
    at = lo;
  }
  while (at < c->n0 && cr[at].film < film)
    at++;
  c->cursor = at;
  for (; at < c->n0 && cr[at].film == film; at++)
    if (cr[at].person == person && cr[at].role == role)
      return 1;
  return 0;
}

/* ---- Rows ------------------------------------------------------------------- */

/* Field `col` as text inside the line ("" for null): stored from there,
 * with no copy first. */
static fg__text field_text(const fg__loader *ld, int col) {
  const fg__field *f = fg__ld_field(ld, col);
  fg__text t = {"", 0};
  if (!fg__ld_is_null(ld, f))
    t.p = f->p, t.len = f->len;
  return t;
}

static int row_title_basics(fg__loader *ld) {
  fg_film f = FG_FILM_INIT;
  char buf[64];
  const fg__field *key = fg__ld_field(ld, 0);
  if (fg__ld_is_null(ld, key))
    return fg__ld_fail(ld, FG_EPARSE, key->off, "tconst is empty (\\N)");
  fg__text t[FG__FILM_TEXTS] = {{key->p, key->len}};
  for (int i = 1; i < FG__FILM_TEXTS; i++)
    t[i].p = "", t[i].len = 0;
  const fg__field *type = fg__ld_field(ld, 1);
  for (size_t i = 0; i < sizeof title_types / sizeof *title_types; i++)
    if (type->len == title_types[i].len && memcmp(type->p, title_types[i].name, type->len) == 0) {
      f.kind = FG_KIND_MOVIE + (int32_t)i;
      break;
    }
  t[1] = field_text(ld, 2); /* title */
  t[2] = field_text(ld, 3); /* original title */
  if (!t[1].len) /* a title is required: fall back on the original, or the key */
    t[1] = t[2].len ? t[2] : t[0];
  if (t[1].len == t[2].len && same_bytes(t[1].p, t[2].p, t[1].len))
    t[2].p = "", t[2].len = 0;
  FG__TRY(fg__ld_number(ld, 4, 0, 1, &f.is_adult));
  FG__TRY(fg__ld_number(ld, 5, 1, 9999, &f.year));
  FG__TRY(fg__ld_number(ld, 6, 1, 9999, &f.end_year));
  FG__TRY(fg__ld_number(ld, 7, 0, 1000000, &f.runtime));
  t[5] = field_text(ld, 8); /* genres */
  int rc = fg__append_film_texts(ld->g, &f, t, 1, NULL);
  if (rc == FG_EEXISTS)
    return fg__ld_fail(ld, rc, key->off, "duplicate film key '%s'", fg__ld_shown(key, buf));
  return rc ? fg__ld_fail(ld, rc, key->off, "%s", ld->g->errmsg) : FG_OK;
}

static int row_name_basics(fg__loader *ld) {
  fg_person p = FG_PERSON_INIT;
  char buf[64];
  const fg__field *key = fg__ld_field(ld, 0);
  if (fg__ld_is_null(ld, key))
    return fg__ld_fail(ld, FG_EPARSE, key->off, "nconst is empty (\\N)");
  fg__text t[FG__PERSON_TEXTS] = {{key->p, key->len}, field_text(ld, 1), field_text(ld, 4)};
  if (!t[1].len)
    t[1] = t[0]; /* IMDb has a few people without a name */
  FG__TRY(fg__ld_number(ld, 2, 1, 9999, &p.birth_year));
  FG__TRY(fg__ld_number(ld, 3, 1, 9999, &p.death_year));
  int rc = fg__append_person_texts(ld->g, &p, t, 1, NULL);
  if (rc == FG_EEXISTS)
    return fg__ld_fail(ld, rc, key->off, "duplicate person key '%s'", fg__ld_shown(key, buf));
  return rc ? fg__ld_fail(ld, rc, key->off, "%s", ld->g->errmsg) : FG_OK;
}

/* a[0..len) == b[0..len) for 8 <= len <= 32, in loads of eight bytes. */
static int same_8_to_32(const char *a, const char *b, size_t len) {
  if (len > 16 && !same_bytes(a, b, 16))
    return 0;
  return len > 16 ? same_bytes(a + len - 16, b + len - 16, 16) : same_bytes(a, b, len);
}

/* The memo entry for the raw bytes of region, language and types, or NULL
 * if they cannot have one (a header that does not put the three side by
 * side, under 8 or over META_RAW bytes). */
static meta_memo *meta_entry(const fg__loader *ld, const imdb_ctx *c, const char **raw,
                             size_t *len) {
  const fg__field *region = fg__ld_field(ld, 3), *types = fg__ld_field(ld, 5);
  if (ld->pos[4] != ld->pos[3] + 1 || ld->pos[5] != ld->pos[3] + 2)
    return NULL;
  *raw = region->p;
  *len = (size_t)(types->p + types->len - region->p);
  if (*len < 8 || *len > META_RAW)
    return NULL;
  return &c->metas[(fg__quick_hash(*raw, *len) >> 8) & (META_MEMO - 1)];
}

static int row_title_akas(fg__loader *ld) {
  imdb_ctx *c = ld->ctx;
  fg_aka a = FG_AKA_INIT;
  int rc = title_ref(ld, 0, &a.film);
  if (rc)
    return rc;
  int32_t ordering;
  FG__TRY(fg__ld_number(ld, 1, 0, 2147483647, &ordering));
  const fg__field *title = fg__ld_field(ld, 2);
  if (fg__ld_is_null(ld, title))
    return fg__ld_fail(ld, FG_EPARSE, title->off, "title is empty (\\N)");
  const fg__text t[FG__AKA_TEXTS] = {field_text(ld, 2), field_text(ld, 3), field_text(ld, 4),
                                     field_text(ld, 5)};
  FG__TRY(fg__ld_number(ld, 7, 0, 1, &a.is_original));
  const char *raw = NULL;
  size_t raw_len = 0;
  meta_memo *m = meta_entry(ld, c, &raw, &raw_len);
  int known = m && m->len == raw_len && same_8_to_32(m->raw, raw, raw_len);
  fg_id id;
  rc = fg__append_aka_texts(ld->g, &a, t, known ? &m->handle : NULL, 1, &id);
  if (rc)
    return fg__ld_fail(ld, rc, 0, "%s", ld->g->errmsg);
  if (m && !known) {
    m->handle = ld->g->akas[id].meta;
    m->len = (uint32_t)raw_len;
    memcpy(m->raw, raw, raw_len);
  }
  return FG_OK;
}

/* Where the first byte equal to a or b is in p[0..len), or len: eight
 * bytes at a time where it can (the lowest flag of either mask is exact). */
static size_t find_either(const char *p, size_t len, char a, char b) {
  size_t i = 0;
#ifdef FG__SWAR
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    uint64_t hit = fg__zero_bytes(w ^ FG__BYTES(a)) | fg__zero_bytes(w ^ FG__BYTES(b));
    if (hit)
      return i + (FG__CTZ64(hit) >> 3);
  }
#endif
  while (i < len && p[i] != a && p[i] != b)
    i++;
  return i;
}

/* characters is ["A","B"] (JSON strings): into "A / B", written in the
 * row's scratch (never longer than the field). Text in any other shape is
 * kept as it is. */
static fg__text characters(fg__loader *ld, int col) {
  const fg__field *f = fg__ld_field(ld, col);
  if (fg__ld_is_null(ld, f))
    return field_text(ld, col);
  /* Most hold one name without escapes, ["Name"]: that is the name, in
   * place, with no copy. */
  if (f->len > 4 && f->p[0] == '[' && f->p[1] == '"' && f->p[f->len - 2] == '"' &&
      f->p[f->len - 1] == ']' && find_either(f->p + 2, f->len - 4, '"', '\\') == f->len - 4) {
    fg__text t = {f->p + 2, f->len - 4};
    return t;
  }
  char *out = ld->scratch + ld->scratch_used, *o = out;
  size_t i = 1, end = f->len - 1;
  int ok = f->len >= 4 && f->p[0] == '[' && f->p[end] == ']';
  while (ok) {
    if (i >= end || f->p[i] != '"') {
      ok = 0;
      break;
    }
    for (i++; i < end && f->p[i] != '"'; i++) {
      if (f->p[i] == '\\' && i + 1 < end)
        i++;
      *o++ = f->p[i];
    }
    if (i >= end) {
      ok = 0; /* unterminated string */
      break;
    }
    if (++i == end)
      break;
    if (f->p[i] != ',') {
      ok = 0;
      break;
    }
    i++;
    memcpy(o, " / ", 3);
    o += 3;
  }
  if (!ok)
    return field_text(ld, col);
  ld->scratch_used += (size_t)(o - out);
  fg__text t = {out, (size_t)(o - out)};
  return t;
}

/* ---- Fetching keys ahead -------------------------------------------------- */

/* The rows of title.principals, title.crew and title.episode name people
 * (or series) in no order, so each lookup in the key array is a cache miss
 * (and at IMDb's size a TLB miss too). The loader splits lines three rows
 * ahead of the row it loads (load.c); as each is split, these start
 * fetching the key array entries its row will look up, so that the misses
 * overlap the work of the rows in between instead of stalling it. */

/* Where the first ',' of p[0..len) is, or len (an item of a list is a key
 * of 9 or 10 bytes: a word or two). */
static size_t comma_at(const char *p, size_t len) {
  return find_either(p, len, ',', ',');
}

/* Fetch the entries of the keys (prefix p0 p1, in x) in p[0..len): one
 * key, or with `list` up to 8 separated by commas. */
static void prefetch_keys(const fg__keys *x, char p0, char p1, const char *p, size_t len,
                          int list) {
  for (int keys = 0; keys < 8; keys++) {
    size_t n = list ? comma_at(p, len) : len;
    uint32_t num;
    if (fg__keys_number(p, n, p0, p1, &num) && num < x->cap)
      FG__PREFETCH(&x->nums[num]);
    if (n == len)
      return;
    p += n + 1;
    len -= n + 1;
  }
}

/* Spec column `col` of a line split ahead, or NULL. */
static const fg__field *ahead_field(const fg__loader *ld, const fg__split_row *r, int col) {
  int p = ld->pos[col];
  return p != FG__ABSENT && p < r->nf ? &r->f[p] : NULL;
}

static void ahead_principals(const fg__loader *ld, const fg__split_row *r) {
  const fg__field *f = ahead_field(ld, r, 2);
  if (f)
    prefetch_keys(&ld->g->person_keys, 'n', 'm', f->p, f->len, 0);
}

static void ahead_crew(const fg__loader *ld, const fg__split_row *r) {
  for (int col = 1; col <= 2; col++) {
    const fg__field *f = ahead_field(ld, r, col);
    if (f)
      prefetch_keys(&ld->g->person_keys, 'n', 'm', f->p, f->len, 1);
  }
}

static void ahead_episode(const fg__loader *ld, const fg__split_row *r) {
  const fg__field *f = ahead_field(ld, r, 1);
  if (f)
    prefetch_keys(&ld->g->film_keys, 't', 't', f->p, f->len, 0);
}

static int row_title_principals(fg__loader *ld) {
  imdb_ctx *c = ld->ctx;
  fg_credit cr = FG_CREDIT_INIT;
  int rc = title_ref(ld, 0, &cr.film);
  if (rc)
    return rc;
  FG__TRY(fg__ld_number(ld, 1, 0, 65535, &cr.billing));
  const fg__field *pf = fg__ld_field(ld, 2);
  if (fg__ld_is_null(ld, pf))
    return fg__ld_fail(ld, FG_EPARSE, pf->off, "nconst is empty (\\N)");
  cr.person = find_person(ld, pf);
  if (cr.person == FG_ID_NONE)
    return dangling(ld, pf, "person");
  const fg__field *cat = fg__ld_field(ld, 3);
  int role;
  fg__text t[FG__CREDIT_TEXTS] = {field_text(ld, 4), {"", 0}};
  if (fg__role_parse(cat->p, cat->len, &role) != FG_OK) {
    role = FG_ROLE_OTHER;
    if (!t[0].len)
      t[0] = field_text(ld, 3);
  }
  cr.role = role;
  t[1] = characters(ld, 5);
  if ((role == FG_ROLE_DIRECTOR || role == FG_ROLE_WRITER) &&
      has_credit(ld->g, c, cr.film, cr.person, role, ld->g->n[FG_TABLE_CREDITS]))
    return FG_OK;
  rc = fg__append_credit_texts(ld->g, &cr, t, 1, NULL);
  return rc ? fg__ld_fail(ld, rc, 0, "%s", ld->g->errmsg) : FG_OK;
}

/* One crew row adds several credits: a row that fails part way takes back
 * the ones it added, so a skipped row adds nothing. */
static int crew_credits(fg__loader *ld, fg_credit *cr);

static int row_title_crew(fg__loader *ld) {
  fg_credit cr = FG_CREDIT_INIT;
  int rc = title_ref(ld, 0, &cr.film);
  if (rc)
    return rc;
  fg__mark mark;
  fg__mark_take(ld->g, &mark);
  rc = crew_credits(ld, &cr);
  if (rc && rc != FG__ROW_SKIPPED)
    fg__rollback(ld->g, &mark);
  return rc;
}

static int crew_credits(fg__loader *ld, fg_credit *credit) {
  imdb_ctx *c = ld->ctx;
  fg_credit cr = *credit;
  size_t row_start = ld->g->n[FG_TABLE_CREDITS];
  /* Two passes: first the shape of both lists (a malformed row fails
   * before any credit or skip is made), then the people. */
  for (int pass = 0; pass < 2; pass++) {
    for (int col = 1; col <= 2; col++) {
      const fg__field *f = fg__ld_field(ld, col);
      if (fg__ld_is_null(ld, f))
        continue;
      cr.role = col == 1 ? FG_ROLE_DIRECTOR : FG_ROLE_WRITER;
      for (size_t i = 0; i <= f->len;) {
        size_t j = i + comma_at(f->p + i, f->len - i);
        fg__field item = {f->p + i, j - i, f->off + i};
        i = j + 1;
        if (pass == 0) {
          if (item.len == 0)
            return fg__ld_fail(ld, FG_EPARSE, item.off, "empty item in %s",
                               ld->spec->cols[col]);
          continue;
        }
        cr.person = find_person(ld, &item);
        if (cr.person == FG_ID_NONE) {
          /* One unknown person skips that credit only. */
          char buf[64];
          fg__ld_fail(ld, FG_ENOTFOUND, item.off, "unknown person '%s' in %s",
                      fg__ld_shown(&item, buf), ld->spec->cols[col]);
          if (ld->opts && (ld->opts->flags & FG_LOAD_STRICT_REFS))
            return FG_ENOTFOUND;
          fg__ld_skip(ld);
        } else if (!has_credit(ld->g, c, cr.film, cr.person, cr.role, row_start)) {
          int rc = fg__append_credit(ld->g, &cr, 1, NULL);
          if (rc)
            return fg__ld_fail(ld, rc, 0, "%s", ld->g->errmsg);
        }
      }
    }
  }
  return FG_OK;
}

static int row_title_episode(fg__loader *ld) {
  fg_id episode = FG_ID_NONE, series = FG_ID_NONE;
  int rc = title_ref(ld, 0, &episode);
  if (rc)
    return rc;
  rc = title_ref(ld, 1, &series);
  if (rc)
    return rc;
  if (series == episode)
    return fg__ld_fail(ld, FG_EPARSE, fg__ld_field(ld, 1)->off,
                       "a title cannot be its own series");
  int32_t season, number;
  FG__TRY(fg__ld_number(ld, 2, 0, 65535, &season));
  FG__TRY(fg__ld_number(ld, 3, 0, 2147483647, &number));
  rc = fg__film_set_episode(ld->g, episode, series, season, number);
  return rc ? fg__ld_fail(ld, rc, 0, "out of memory") : FG_OK;
}

static int row_title_ratings(fg__loader *ld) {
  fg_id film = FG_ID_NONE;
  int rc = title_ref(ld, 0, &film);
  if (rc)
    return rc;
  int32_t rating, votes;
  const fg__field *r = fg__ld_field(ld, 1);
  if (fg__ld_is_null(ld, r))
    return fg__ld_fail(ld, FG_EPARSE, r->off, "averageRating is empty (\\N)");
  FG__TRY(fg__ld_rating(ld, 1, &rating));
  FG__TRY(fg__ld_number(ld, 2, 0, 2147483647, &votes));
  rc = fg__film_set_rating(ld->g, film, rating, (uint32_t)votes);
  return rc ? fg__ld_fail(ld, rc, 0, "out of memory") : FG_OK;
}

static int (*const row_fns[FG_IMDB_FILE_COUNT_])(fg__loader *) = {
    row_title_basics,     row_name_basics,   row_title_akas,    row_title_principals,
    row_title_crew,       row_title_episode, row_title_ratings,
};

/* ---- Loading ------------------------------------------------------------------ */

static int load_file(fg_graph *g, int file, const fg_source *src, const fg_load_options *opts,
                     fg_error_info *info) {
  fg__loader ld;
  imdb_ctx c;
  memset(&ld, 0, sizeof ld);
  memset(&c, 0, sizeof c);
  c.last_film = FG_ID_NONE;
  ld.g = g;
  ld.spec = &specs[file];
  ld.row = row_fns[file];
  ld.prefetch = file == FG_IMDB_TITLE_PRINCIPALS ? ahead_principals
                : file == FG_IMDB_TITLE_CREW     ? ahead_crew
                : file == FG_IMDB_TITLE_EPISODE  ? ahead_episode
                                                 : NULL;
  ld.ctx = &c;
  ld.null_token = 1;
  ld.opts = opts;
  ld.info = info;
  int rc = FG_OK;
  if (file == FG_IMDB_TITLE_PRINCIPALS || file == FG_IMDB_TITLE_CREW)
    rc = dedupe_init(&ld, &c);
  if (file == FG_IMDB_TITLE_AKAS) {
    c.metas = fg__malloc(&g->alloc, META_MEMO * sizeof *c.metas);
    if (c.metas)
      memset(c.metas, 0, META_MEMO * sizeof *c.metas);
    else
      rc = FG_ENOMEM;
  }
  if (rc)
    fg__info_set(info, rc, src && src->name ? src->name : "", 0, 0, "out of memory");
  if (rc == FG_OK)
    rc = fg__ld_run(&ld, src);
  fg__free(&g->alloc, c.by_film_start);
  fg__free(&g->alloc, c.by_film);
  fg__free(&g->alloc, c.metas);
  return rc;
}

int fg_graph_load_imdb_file(fg_graph *g, int file, const fg_source *src,
                            const fg_load_options *opts, fg_error_info *err) {
  if (!g)
    return FG_EINVAL;
  fg_error_info local = FG_ERROR_INFO_INIT, *info;
  fg__mark mark;
  FG__TRY(fg__ld_begin(g, opts, err, &local, &info, &mark));
  if (file < 0 || file >= FG_IMDB_FILE_COUNT_)
    return fg__ld_reject(g, info, FG_EINVAL, "unknown IMDb file");
  return fg__ld_finish(g, &mark, load_file(g, file, src, opts, info), info);
}

/* Give the credits this load added [first, n) ids in film order, when
 * they came as two runs each in film order (title.principals.tsv, then the
 * directors and writers title.crew.tsv adds): then a film's credits have
 * consecutive ids, the index needs no by-film array, and a walk reads a
 * film's people from consecutive records. Merged in place with a buffer the
 * size of the shorter run; stable, so ids keep file order within a film.
 * No caller has seen these ids yet (the load has not returned). Anything
 * else (more runs, or no memory for the buffer) is left as it is: the
 * order is only faster, not needed. */
static void group_credits_by_film(fg_graph *g, size_t first) {
  fg__credit *c = g->credits;
  size_t n = g->n[FG_TABLE_CREDITS], split = 0;
  for (size_t i = first + 1; i < n; i++)
    if (c[i].film < c[i - 1].film) {
      if (split)
        return; /* a third run */
      split = i;
    }
  if (!split)
    return; /* already in order */
  size_t left = split - first, right = n - split;
  fg__credit *buf = fg__malloc(&g->alloc, (left < right ? left : right) * sizeof *buf);
  if (!buf)
    return;
  if (right <= left) { /* merge from the back, the right run in buf */
    memcpy(buf, c + split, right * sizeof *buf);
    size_t i = split, j = right, k = n;
    while (j > 0) {
      if (i > first && c[i - 1].film > buf[j - 1].film)
        c[--k] = c[--i];
      else
        c[--k] = buf[--j];
    }
  } else { /* merge from the front, the left run in buf */
    memcpy(buf, c + first, left * sizeof *buf);
    size_t i = 0, j = split, k = first;
    while (i < left) {
      if (j < n && c[j].film < buf[i].film)
        c[k++] = c[j++];
      else
        c[k++] = buf[i++];
    }
  }
  fg__free(&g->alloc, buf);
  /* [first, n) is now one run in film order. */
  if (g->credits_sorted >= first && (first == 0 || c[first - 1].film <= c[first].film))
    g->credits_sorted = n;
  else if (g->credits_sorted > first)
    g->credits_sorted = first;
}

int fg_graph_load_imdb(fg_graph *g, const char *dir, const fg_load_options *opts,
                       fg_error_info *err) {
  if (!g)
    return FG_EINVAL;
  fg_error_info local = FG_ERROR_INFO_INIT, *info;
  fg__mark mark;
  FG__TRY(fg__ld_begin(g, opts, err, &local, &info, &mark));
  if (!dir)
    return fg__ld_reject(g, info, FG_EINVAL, "no IMDb folder given");
  int rc = FG_OK, found = 0;
  for (int file = 0; file <= FG_IMDB_FILE_COUNT_ && rc == FG_OK; file++) {
    const char *name = file < FG_IMDB_FILE_COUNT_ ? specs[file].file : "relations.tsv";
    char *path;
    rc = fg__ld_path_in(g, dir, name, 1, info, &path);
    if (rc || !path)
      continue; /* an error ends the loop; a missing file is skipped */
    fg_source src = FG_SOURCE_INIT;
    src.path = path;
    if (file < FG_IMDB_FILE_COUNT_) {
      found++;
      rc = load_file(g, file, &src, opts, info);
    } else {
      rc = fg__catalog_load_rows(g, FG_TABLE_RELATIONS, &src, opts, info, 1);
    }
    fg__free(&g->alloc, path);
  }
  if (rc == FG_OK && !found)
    fg__info_set(info, rc = FG_EIO, dir, 0, 0,
                 "no IMDb dataset here (title.basics.tsv, name.basics.tsv, ...)");
  if (rc == FG_OK)
    group_credits_by_film(g, mark.n[FG_TABLE_CREDITS]);
  return fg__ld_finish(g, &mark, rc, info);
}
