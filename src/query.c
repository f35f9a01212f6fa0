/* Lookups over the index: title and name search, credits, relations, AKAs. */
#include "fg_internal.h"

#include <stdlib.h>
#include <string.h>

/* What a query needs of the index: the adjacency, the AKA rows too, or
 * the search tables too. */
enum { FG__NEED_ADJACENCY, FG__NEED_AKAS, FG__NEED_SEARCH };

/* Common start of a query: check arguments, get the index with what it
 * needs, make the list. */
static int start_query(const fg_graph *g, const void *arg, fg_idlist **out, const fg__index **ix,
                       int need) {
  if (out)
    *out = NULL;
  if (!g || !arg || !out)
    return FG_EINVAL;
  int rc;
  *ix = need == FG__NEED_SEARCH ? fg__search_get(g, &rc)
        : need == FG__NEED_AKAS ? fg__akas_get(g, &rc)
                                : fg__index_get(g, &rc);
  if (!*ix)
    return rc;
  *out = fg__idlist_new(&g->alloc);
  return *out ? FG_OK : FG_ENOMEM;
}

static int begin(const fg_graph *g, const void *arg, fg_idlist **out, const fg__index **ix) {
  return start_query(g, arg, out, ix, FG__NEED_ADJACENCY);
}

static int fail(fg_idlist **out, int rc) {
  fg_idlist_free(*out);
  *out = NULL;
  return rc;
}

/* The first entry of a hash-sorted table with hash >= h. */
static size_t lower_bound(const fg__namekey *keys, size_t n, uint32_t h) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (keys[mid].hash < h)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static int fold_eq(const fg_graph *g, uint32_t handle, const char *q, size_t qlen) {
  const char *s = fg__str(&g->strings, handle);
  return fg__fold_equal(s, strlen(s), q, qlen);
}

static int film_has_title(const fg_graph *g, const fg__index *ix, uint32_t f, const char *q,
                          size_t qlen) {
  const fg__film *r = &g->films[f];
  if (fold_eq(g, r->title, q, qlen) || (r->original_title && fold_eq(g, r->original_title, q, qlen)))
    return 1;
  for (uint32_t k = ix->aka_start[f]; k < ix->aka_start[f + 1]; k++)
    if (fold_eq(g, g->akas[FG__CSR_ITEM(ix->aka, k)].title, q, qlen))
      return 1;
  return 0;
}

int fg_graph_search_films(const fg_graph *g, const char *title, int32_t year, fg_idlist **out) {
  const fg__index *ix;
  int rc = start_query(g, title, out, &ix, FG__NEED_SEARCH);
  if (rc)
    return rc;
  size_t qlen = strlen(title);
  uint32_t h = fg__fold_hash(title, qlen);
  uint32_t last = FG_ID_NONE;
  /* Entries of one hash are in film id order, so the result is too. */
  for (size_t i = lower_bound(ix->titles, ix->n_titles, h);
       i < ix->n_titles && ix->titles[i].hash == h; i++) {
    uint32_t f = ix->titles[i].id;
    if (f == last || (year && g->films[f].year != year) || !film_has_title(g, ix, f, title, qlen))
      continue;
    if ((rc = fg__idlist_push(*out, f)))
      return fail(out, rc);
    last = f;
  }
  return FG_OK;
}

int fg_graph_search_people(const fg_graph *g, const char *name, fg_idlist **out) {
  const fg__index *ix;
  int rc = start_query(g, name, out, &ix, FG__NEED_SEARCH);
  if (rc)
    return rc;
  size_t qlen = strlen(name);
  uint32_t h = fg__fold_hash(name, qlen);
  for (size_t i = lower_bound(ix->names, ix->n_names, h);
       i < ix->n_names && ix->names[i].hash == h; i++) {
    uint32_t p = ix->names[i].id;
    if (!fold_eq(g, g->people[p].name, name, qlen))
      continue;
    if ((rc = fg__idlist_push(*out, p)))
      return fail(out, rc);
  }
  return FG_OK;
}

/* Sort ids by a precomputed 64-bit key, ties by id. */
typedef struct keyed {
  uint64_t key;
  uint32_t id;
} keyed;

static int cmp_u32(const void *pa, const void *pb) {
  uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
  return (a > b) - (a < b);
}

/* The films of a person's credits whose role is in role_mask, each once,
 * ascending (two credits on one film may lie far apart in the person's
 * row), into a new *films (freed by the caller; NULL on failure). */
static int person_films(const fg_graph *g, const fg__index *ix, fg_id person, uint32_t role_mask,
                        uint32_t **films, size_t *count) {
  uint32_t b = ix->person_credit_start[person], e = ix->person_credit_start[person + 1];
  uint32_t *f = fg__malloc(&g->alloc, (e - b + 1) * sizeof *f);
  *films = f;
  *count = 0;
  if (!f)
    return FG_ENOMEM;
  size_t n = 0;
  for (uint32_t k = b; k < e; k++)
    if (role_mask & FG_ROLE_MASK(ix->person_role[k]))
      f[n++] = ix->person_film[k];
  qsort(f, n, sizeof *f, cmp_u32);
  size_t m = 0;
  for (size_t k = 0; k < n; k++)
    if (!m || f[k] != f[m - 1])
      f[m++] = f[k];
  *count = m;
  return FG_OK;
}

static int cmp_keyed(const void *pa, const void *pb) {
  const keyed *a = pa, *b = pb;
  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* Sort keys of credits within a film (role, then billing, unknown last)
 * and within a person (film year, unknown last, then film, then role). */
static uint64_t film_order_key(const fg_graph *g, const fg__credit *c) {
  (void)g;
  uint64_t billing = c->billing ? c->billing : 0x10000u;
  return ((uint64_t)c->role << 17) | billing;
}

static uint64_t person_order_key(const fg_graph *g, const fg__credit *c) {
  int16_t y = g->films[c->film].year;
  uint64_t year = y ? (uint64_t)y : 10000u;
  return (year << 40) | ((uint64_t)c->film << 8) | c->role;
}

/* The credits items[b..e) of one CSR row that match role_mask, sorted by
 * key(), into a new *out. */
static int sorted_credits(const fg_graph *g, const uint32_t *items, uint32_t b, uint32_t e,
                          uint32_t role_mask,
                          uint64_t (*key)(const fg_graph *, const fg__credit *),
                          fg_idlist **out) {
  keyed *sorted = fg__malloc(&g->alloc, (e - b + 1) * sizeof *sorted);
  if (!sorted)
    return fail(out, FG_ENOMEM);
  size_t n = 0;
  for (uint32_t k = b; k < e; k++) {
    uint32_t id = FG__CSR_ITEM(items, k);
    const fg__credit *c = &g->credits[id];
    if (!(role_mask & FG_ROLE_MASK(c->role)))
      continue;
    sorted[n].key = key(g, c);
    sorted[n++].id = id;
  }
  qsort(sorted, n, sizeof *sorted, cmp_keyed);
  int rc = FG_OK;
  for (size_t i = 0; i < n && !rc; i++)
    rc = fg__idlist_push(*out, sorted[i].id);
  fg__free(&g->alloc, sorted);
  return rc ? fail(out, rc) : FG_OK;
}

int fg_film_credits(const fg_graph *g, fg_id film, uint32_t role_mask, fg_idlist **out) {
  const fg__index *ix;
  int rc = begin(g, g, out, &ix);
  if (rc)
    return rc;
  if (film >= g->n[FG_TABLE_FILMS])
    return fail(out, FG_ENOTFOUND);
  return sorted_credits(g, ix->film_credit, ix->film_credit_start[film],
                        ix->film_credit_start[film + 1], role_mask, film_order_key, out);
}

int fg_person_credits(const fg_graph *g, fg_id person, uint32_t role_mask, fg_idlist **out) {
  const fg__index *ix;
  int rc = begin(g, g, out, &ix);
  if (rc)
    return rc;
  if (person >= g->n[FG_TABLE_PEOPLE])
    return fail(out, FG_ENOTFOUND);
  /* The by-person row holds films, not credit ids: take each of the
   * person's films once, then the person's credits among its credits
   * (one per entry of the row, so no more than the row's length). */
  uint32_t *films, *ids = NULL;
  size_t nfilms, found = 0;
  size_t row = ix->person_credit_start[person + 1] - ix->person_credit_start[person];
  if (!(rc = person_films(g, ix, person, role_mask, &films, &nfilms)) &&
      !(ids = fg__malloc(&g->alloc, (row + 1) * sizeof *ids)))
    rc = FG_ENOMEM;
  if (rc) {
    fg__free(&g->alloc, films);
    return fail(out, rc);
  }
  for (size_t k = 0; k < nfilms; k++) {
    uint32_t film = films[k];
    for (uint32_t j = ix->film_credit_start[film]; j < ix->film_credit_start[film + 1]; j++) {
      uint32_t id = FG__CSR_ITEM(ix->film_credit, j);
      const fg__credit *c = &g->credits[id];
      if (c->person == person && (role_mask & FG_ROLE_MASK(c->role)) && found < row)
        ids[found++] = id;
    }
  }
  fg__free(&g->alloc, films);
  rc = sorted_credits(g, ids, 0, (uint32_t)found, role_mask, person_order_key, out);
  fg__free(&g->alloc, ids);
  return rc;
}

/* Push, for each relation of `film` in one direction and of a type in
 * `mask`, either the relation id or (other_end) the film at its other end. */
static int push_relations(const fg_graph *g, const fg__index *ix, fg_id film, int dir,
                          uint32_t mask, int other_end, fg_idlist *out) {
  fg__range rels = fg__rels(ix, film, dir != FG_DIR_OUT);
  const uint32_t *items = rels.items;
  for (uint32_t k = rels.begin; k < rels.end; k++) {
    const fg__relation *r = &g->relations[items[k]];
    if (!(mask & FG_REL_MASK(r->type)))
      continue;
    uint32_t id = other_end ? (dir == FG_DIR_OUT ? r->to : r->from) : items[k];
    int rc = fg__idlist_push(out, id);
    if (rc)
      return rc;
  }
  return FG_OK;
}

int fg_film_relations(const fg_graph *g, fg_id film, int direction, uint32_t type_mask,
                      fg_idlist **out) {
  const fg__index *ix;
  int rc = begin(g, g, out, &ix);
  if (rc)
    return rc;
  if (direction < FG_DIR_OUT || direction > FG_DIR_BOTH)
    return fail(out, FG_EINVAL);
  if (film >= g->n[FG_TABLE_FILMS])
    return fail(out, FG_ENOTFOUND);
  if ((direction & FG_DIR_OUT) && (rc = push_relations(g, ix, film, FG_DIR_OUT, type_mask, 0, *out)))
    return fail(out, rc);
  if ((direction & FG_DIR_IN) && (rc = push_relations(g, ix, film, FG_DIR_IN, type_mask, 0, *out)))
    return fail(out, rc);
  return FG_OK;
}

static int remake_neighbours(const fg_graph *g, fg_id film, int dir, fg_idlist **out) {
  const fg__index *ix;
  int rc = begin(g, g, out, &ix);
  if (rc)
    return rc;
  if (film >= g->n[FG_TABLE_FILMS])
    return fail(out, FG_ENOTFOUND);
  if ((rc = push_relations(g, ix, film, dir, FG_REL_MASK(FG_REL_REMAKE_OF), 1, *out)))
    return fail(out, rc);
  return FG_OK;
}

int fg_film_remake_of(const fg_graph *g, fg_id film, fg_idlist **out) {
  return remake_neighbours(g, film, FG_DIR_OUT, out);
}

int fg_film_remakes(const fg_graph *g, fg_id film, fg_idlist **out) {
  return remake_neighbours(g, film, FG_DIR_IN, out);
}

int fg_film_akas(const fg_graph *g, fg_id film, fg_idlist **out) {
  const fg__index *ix;
  int rc = start_query(g, g, out, &ix, FG__NEED_AKAS);
  if (rc)
    return rc;
  if (film >= g->n[FG_TABLE_FILMS])
    return fail(out, FG_ENOTFOUND);
  for (uint32_t k = ix->aka_start[film]; k < ix->aka_start[film + 1]; k++)
    if ((rc = fg__idlist_push(*out, FG__CSR_ITEM(ix->aka, k))))
      return fail(out, rc);
  return FG_OK;
}

/* ---- Collaborators ----------------------------------------------------------- */

typedef struct tally {
  uint32_t person, films, last_film;
} tally;

static int cmp_tally(const void *pa, const void *pb) {
  const tally *a = pa, *b = pb;
  if (a->films != b->films)
    return a->films > b->films ? -1 : 1;
  return (a->person > b->person) - (a->person < b->person);
}

int fg_person_collaborators(const fg_graph *g, fg_id person, uint32_t role_mask,
                            fg_idlist **out) {
  const fg__index *ix;
  int rc = begin(g, g, out, &ix);
  if (rc)
    return rc;
  if (person >= g->n[FG_TABLE_PEOPLE])
    return fail(out, FG_ENOTFOUND);
  /* Count per collaborator in an open-addressing table (person + 1 -> slot
   * of `tallies`), so the cost follows the films, not the graph's size. */
  tally *tallies = NULL;
  size_t n = 0, cap = 0;
  fg__slot *slots = NULL;
  size_t nslots = 0;
  uint32_t *films;
  size_t nfilms;
  if ((rc = person_films(g, ix, person, role_mask, &films, &nfilms)))
    return fail(out, rc);
  for (size_t k = 0; k < nfilms && !rc; k++) {
    fg_id film = films[k];
    for (uint32_t j = ix->film_credit_start[film]; j < ix->film_credit_start[film + 1] && !rc; j++) {
      uint32_t other = g->credits[FG__CSR_ITEM(ix->film_credit, j)].person;
      if (other == person)
        continue;
      if ((rc = fg__slots_reserve(&g->alloc, &slots, &nslots, n + 1)))
        break;
      uint32_t h = fg__hash_bytes(&other, sizeof other);
      size_t mask = nslots - 1, i = h & mask;
      while (slots[i].val && tallies[slots[i].val - 1].person != other)
        i = (i + 1) & mask;
      if (slots[i].val) {
        tally *t = &tallies[slots[i].val - 1];
        if (t->last_film != film) /* several credits on one film count once */
          t->films++, t->last_film = film;
        continue;
      }
      void *tp = tallies;
      if ((rc = fg__reserve(&g->alloc, &tp, &cap, n + 1, sizeof *tallies)))
        break;
      tallies = tp;
      tallies[n].person = other, tallies[n].films = 1, tallies[n].last_film = film;
      slots[i].val = (uint32_t)++n;
      slots[i].hash = h;
    }
  }
  fg__free(&g->alloc, slots);
  fg__free(&g->alloc, films);
  if (!rc && n > 1)
    qsort(tallies, n, sizeof *tallies, cmp_tally);
  if (!rc && n) {
    (*out)->weights = fg__malloc(&g->alloc, n * sizeof *(*out)->weights);
    if (!(*out)->weights)
      rc = FG_ENOMEM;
  }
  for (size_t i = 0; i < n && !rc; i++) {
    rc = fg__idlist_push(*out, tallies[i].person);
    if (!rc)
      (*out)->weights[i] = tallies[i].films;
  }
  fg__free(&g->alloc, tallies);
  return rc ? fail(out, rc) : FG_OK;
}
