/* The graph's indexes: adjacency in compressed sparse row form (credits by
 * film and by person, with each person's films beside their credits;
 * relations by source and target; AKAs by film) and the hash-sorted title
 * and name tables used by search. Built in O(V+E) by counting and radix
 * sorts after loading: the adjacency on first use, the search tables on
 * the first search. */
#include "fg_internal.h"

#include <string.h>

void fg__index_free(const fg__alloc *a, fg__index *ix) {
  if (!ix)
    return;
  fg__free(a, ix->film_credit_start);
  fg__free(a, ix->film_credit);
  fg__free(a, ix->person_credit_start);
  fg__free(a, ix->person_film);
  fg__free(a, ix->person_role);
  fg__free(a, ix->rel_bits);
  fg__free(a, ix->rel_rank);
  fg__free(a, ix->rel_out_start);
  fg__free(a, ix->rel_out);
  fg__free(a, ix->rel_in_start);
  fg__free(a, ix->rel_in);
  fg__free(a, ix->aka_start);
  fg__free(a, ix->aka);
  fg__free(a, ix->titles);
  fg__free(a, ix->names);
  fg__free(a, ix);
}

static size_t rel_rows(const fg__index *ix) {
  size_t words = ix->n[FG_TABLE_FILMS] / 64 + 1;
  return ix->rel_rank[words - 1] + FG__POPCOUNT64(ix->rel_bits[words - 1]);
}

size_t fg__index_adjacency_bytes(const fg__index *ix) {
  if (!ix)
    return 0;
  size_t nf = ix->n[FG_TABLE_FILMS], np = ix->n[FG_TABLE_PEOPLE], nc = ix->n[FG_TABLE_CREDITS];
  size_t words = nf / 64 + 1, rows = rel_rows(ix);
  size_t w = (nf + 1) + nc * !!ix->film_credit + (np + 1) + nc + /* credits */
             words * 3 + 2 * (rows + 1) + 2 * ix->n[FG_TABLE_RELATIONS]; /* relations */
  return sizeof *ix + w * sizeof(uint32_t) + ix->person_role_bytes;
}

size_t fg__index_search_bytes(const fg__index *ix) {
  if (!ix)
    return 0;
  size_t akas = ix->has_akas ? (ix->n[FG_TABLE_FILMS] + 1 + ix->n[FG_TABLE_AKAS] * !!ix->aka) : 0;
  return (ix->n_titles + ix->n_names) * sizeof(fg__namekey) + akas * sizeof(uint32_t);
}

int fg__index_valid(const fg_graph *g) {
  return g->index && memcmp(g->index->n, g->n, sizeof g->n) == 0;
}

/* Group `count` items into `nodes` buckets by owner[i * stride]: start
 * gets nodes + 1 offsets, items the item numbers, in their original order.
 * csr_finish takes start[owner + 1] already counted (and whether the owners
 * came in order); csr_build counts them too. With `allow_identity`,
 * records already in owner order (as loaders append credits and AKAs) need
 * no items array: *items_out is NULL. On failure start is freed. */
static int csr_finish(const fg__alloc *a, const void *records, size_t stride, size_t offset,
                      size_t count, size_t nodes, int sorted, uint32_t *start,
                      uint32_t **start_out, uint32_t **items_out) {
  for (size_t v = 0; v < nodes; v++)
    start[v + 1] += start[v];
  if (sorted) {
    *start_out = start;
    *items_out = NULL;
    return FG_OK;
  }
  uint32_t *items = fg__malloc(a, (count ? count : 1) * sizeof *items);
  if (!items) {
    fg__free(a, start);
    return FG_ENOMEM;
  }
  /* Place items using start[] as cursors, then shift the cursors back. */
  const char *base = count ? (const char *)records + offset : NULL;
  for (size_t i = 0; i < count; i++) {
    uint32_t owner;
    memcpy(&owner, base + i * stride, sizeof owner);
    items[start[owner]++] = (uint32_t)i;
  }
  for (size_t v = nodes; v > 0; v--)
    start[v] = start[v - 1];
  start[0] = 0;
  *start_out = start;
  *items_out = items;
  return FG_OK;
}

static int csr_build(const fg__alloc *a, const void *records, size_t stride, size_t offset,
                     size_t count, size_t nodes, int allow_identity, uint32_t **start_out,
                     uint32_t **items_out) {
  uint32_t *start = fg__realloc_random(a, NULL, 0, (nodes + 1) * sizeof *start);
  if (!start)
    return FG_ENOMEM;
  memset(start, 0, (nodes + 1) * sizeof *start);
  /* No records may mean no array at all (NULL): no pointer arithmetic. */
  const char *base = count ? (const char *)records + offset : NULL;
  int sorted = 1;
  uint32_t prev = 0;
  for (size_t i = 0; i < count; i++) {
    uint32_t owner;
    memcpy(&owner, base + i * stride, sizeof owner);
    start[owner + 1]++;
    sorted &= owner >= prev;
    prev = owner;
  }
  return csr_finish(a, records, stride, offset, count, nodes, sorted && allow_identity, start,
                    start_out, items_out);
}

/* Credits by person: each credit's film and role, in credit id order
 * within a person (see fg__index.person_film).
 *
 * People are in no order along the credits, so counting and placing each
 * credit straight into its person's row would touch a random place in
 * arrays far larger than the cache, several times a credit. Instead (a
 * two-pass radix partition): count the credits of each bucket of up to
 * 4,096 people, deal the credits in order into their bucket's slice of the
 * final arrays (each slice written front to back: pass A), then count and
 * order each bucket by person within a scratch copy small enough for the
 * cache (pass B). Both passes keep the credits' order within a person.
 *
 * Between the passes each credit keeps its person's low 12 bits and its
 * role in 16 bits (`tag`). The role array is the front half of the tag
 * array: bucket b's roles (bytes lo..hi-1) are written after its tags are
 * copied out, and lie below the tags of every later bucket (bytes from
 * 2 * hi). So the build takes 6 new bytes a credit, not 7: on a first
 * build, each new page costs the kernel about as much as the work. */
enum { FG__TAG_LOW_BITS = 12 };
_Static_assert(FG_ROLE_COUNT_ <= 1 << (16 - FG__TAG_LOW_BITS), "a role fits a tag's high bits");

/* People per bucket of the by-person build: 2^shift, for about 1,024
 * buckets, at most 4,096 people (past 2^22 people there are more). */
static unsigned person_bucket_shift(size_t np) {
  unsigned shift = 0;
  while ((np >> shift) > 1024 && shift < FG__TAG_LOW_BITS)
    shift++;
  return shift;
}

/* `bucket` holds the credits of bucket b at bucket[b + 1] (nb buckets of
 * 2^shift people), counted with the film rows; it is freed here. */
static int build_person_adjacency(const fg_graph *g, fg__index *ix, uint32_t *bucket,
                                  unsigned shift) {
  const fg__alloc *a = &g->alloc;
  size_t np = g->n[FG_TABLE_PEOPLE], nc = g->n[FG_TABLE_CREDITS], nb = (np >> shift) + 1;
  const fg__credit *c = g->credits;
  size_t longest = 0;
  for (size_t b = 0; b < nb; b++) {
    if (bucket[b + 1] > longest)
      longest = bucket[b + 1];
    bucket[b + 1] += bucket[b];
  }
  uint32_t *start = fg__realloc_random(a, NULL, 0, (np + 1) * sizeof *start);
  uint32_t *films = fg__realloc_random(a, NULL, 0, (nc ? nc : 1) * sizeof *films);
  uint16_t *tag = fg__realloc_random(a, NULL, 0, (nc ? nc : 1) * sizeof *tag);
  uint32_t *scratch = fg__malloc(a, (longest + 1) * sizeof *scratch);
  uint16_t *scratch_tag = fg__malloc(a, (longest + 1) * sizeof *scratch_tag);
  if (!start || !films || !tag || !scratch || !scratch_tag) {
    fg__free(a, start);
    fg__free(a, films);
    fg__free(a, bucket);
    fg__free(a, tag);
    fg__free(a, scratch);
    fg__free(a, scratch_tag);
    return FG_ENOMEM;
  }
  memset(start, 0, (np + 1) * sizeof *start);
  uint32_t mask = (1u << shift) - 1;
  for (size_t i = 0; i < nc; i++) { /* pass A; bucket[b] becomes b's end */
    uint32_t at = bucket[c[i].person >> shift]++;
    /* Each bucket's slices are written front to back, one cache line of
     * them in L1 at a time at best: ask for the lines 32 entries on before
     * the stores reach them (measured: the 12M build 15% faster). */
    size_t ahead = at + 32 < nc ? at + 32 : nc - 1;
    FG__PREFETCH_WRITE(&films[ahead]);
    FG__PREFETCH_WRITE(&tag[ahead]);
    films[at] = c[i].film;
    tag[at] = (uint16_t)((c[i].person & mask) | (uint32_t)c[i].role << FG__TAG_LOW_BITS);
  }
  uint8_t *role = (uint8_t *)tag;
  for (size_t b = 0, lo = 0; b < nb; lo = bucket[b++]) { /* pass B */
    size_t n = bucket[b] - lo, p0 = b << shift;
    size_t p1 = (b + 1) << shift < np ? (b + 1) << shift : np;
    memcpy(scratch, films + lo, n * sizeof *scratch);
    memcpy(scratch_tag, tag + lo, n * sizeof *scratch_tag);
    /* start[p0] = lo; start[p + 1] = p's end: counts, then sums. */
    uint32_t low_mask = (1u << FG__TAG_LOW_BITS) - 1;
    for (size_t k = 0; k < n; k++)
      start[p0 + (scratch_tag[k] & low_mask) + 1]++;
    start[p0] = (uint32_t)lo;
    for (size_t p = p0; p < p1; p++)
      start[p + 1] += start[p];
    for (size_t k = 0; k < n; k++) {
      uint32_t at = start[p0 + (scratch_tag[k] & low_mask)]++;
      films[at] = scratch[k];
      role[at] = (uint8_t)(scratch_tag[k] >> FG__TAG_LOW_BITS);
    }
  }
  fg__free(a, bucket);
  fg__free(a, scratch);
  fg__free(a, scratch_tag);
  /* The roles fill the tags' front half: give back the rest. */
  size_t role_bytes = (nc ? nc : 1) * sizeof *tag;
  role = fg__shrink(a, role, &role_bytes, nc);
  /* start[p] ended at p's end, the next person's first slot: shift back. */
  for (size_t p = np; p > 0; p--)
    start[p] = start[p - 1];
  start[0] = 0;
  ix->person_credit_start = start;
  ix->person_film = films;
  ix->person_role = role;
  ix->person_role_bytes = role_bytes;
  return FG_OK;
}

uint32_t fg__credit_find(const fg_graph *g, const fg__index *ix, uint32_t film, uint32_t person,
                         uint32_t role_mask) {
  for (uint32_t k = ix->film_credit_start[film]; k < ix->film_credit_start[film + 1]; k++) {
    uint32_t id = FG__CSR_ITEM(ix->film_credit, k);
    const fg__credit *c = &g->credits[id];
    if (c->person == person && (role_mask & FG_ROLE_MASK(c->role)))
      return id;
  }
  return FG_ID_NONE;
}

/* Credits by film and by person. One pass over the credits counts both:
 * each film's credits, and each bucket of people's (see
 * build_person_adjacency), since at full scale each pass over the credit
 * records reads 1.5 GB. */
static int build_credit_rows(const fg_graph *g, fg__index *ix) {
  const fg__alloc *a = &g->alloc;
  size_t nf = g->n[FG_TABLE_FILMS], np = g->n[FG_TABLE_PEOPLE], nc = g->n[FG_TABLE_CREDITS];
  unsigned shift = person_bucket_shift(np);
  size_t nb = (np >> shift) + 1;
  uint32_t *start = fg__realloc_random(a, NULL, 0, (nf + 1) * sizeof *start);
  uint32_t *bucket = fg__malloc(a, (nb + 1) * sizeof *bucket);
  if (!start || !bucket) {
    fg__free(a, start);
    fg__free(a, bucket);
    return FG_ENOMEM;
  }
  memset(start, 0, (nf + 1) * sizeof *start);
  memset(bucket, 0, (nb + 1) * sizeof *bucket);
  const fg__credit *c = g->credits;
  int sorted = 1;
  uint32_t prev = 0;
  for (size_t i = 0; i < nc; i++) {
    start[c[i].film + 1]++;
    sorted &= c[i].film >= prev;
    prev = c[i].film;
    bucket[(c[i].person >> shift) + 1]++;
  }
  int rc = csr_finish(a, c, sizeof *c, offsetof(fg__credit, film), nc, nf, sorted, start,
                      &ix->film_credit_start, &ix->film_credit);
  if (rc) {
    fg__free(a, bucket);
    return rc;
  }
  return build_person_adjacency(g, ix, bucket, shift);
}

/* The relation rows: a bit for each film with a relation either way, the
 * running count of such films per 64 (rank), and the relations by row. */
static int build_relations(const fg_graph *g, fg__index *ix) {
  const fg__alloc *a = &g->alloc;
  size_t nf = g->n[FG_TABLE_FILMS], nr = g->n[FG_TABLE_RELATIONS], words = nf / 64 + 1;
  ix->rel_bits = fg__malloc(a, words * sizeof *ix->rel_bits);
  ix->rel_rank = fg__malloc(a, words * sizeof *ix->rel_rank);
  if (!ix->rel_bits || !ix->rel_rank)
    return FG_ENOMEM;
  memset(ix->rel_bits, 0, words * sizeof *ix->rel_bits);
  const fg__relation *r = g->relations;
  for (size_t i = 0; i < nr; i++) {
    ix->rel_bits[r[i].from / 64] |= 1ull << (r[i].from % 64);
    ix->rel_bits[r[i].to / 64] |= 1ull << (r[i].to % 64);
  }
  uint32_t sum = 0;
  for (size_t w = 0; w < words; w++) {
    ix->rel_rank[w] = sum;
    sum += FG__POPCOUNT64(ix->rel_bits[w]);
  }
  /* Each relation's row at either end, then a CSR over the rows. */
  uint32_t *rows = fg__malloc(a, (nr ? 2 * nr : 1) * sizeof *rows);
  if (!rows)
    return FG_ENOMEM;
  for (size_t i = 0; i < nr; i++)
    for (int end = 0; end < 2; end++) {
      uint32_t f = end ? r[i].to : r[i].from;
      uint64_t word = ix->rel_bits[f / 64], bit = 1ull << (f % 64);
      rows[2 * i + end] = ix->rel_rank[f / 64] + FG__POPCOUNT64(word & (bit - 1));
    }
  int rc = csr_build(a, rows, 2 * sizeof *rows, 0, nr, sum, 0, &ix->rel_out_start, &ix->rel_out);
  if (!rc)
    rc = csr_build(a, rows, 2 * sizeof *rows, sizeof *rows, nr, sum, 0, &ix->rel_in_start,
                   &ix->rel_in);
  fg__free(a, rows);
  return rc;
}

/* Stable sort of name keys by hash: an LSD radix sort, two 16-bit passes
 * for large tables, four 8-bit passes for small ones (whose counts would otherwise
 * cost more to clear than the keys to sort). Equal hashes keep their order
 * (ids ascending, as they were added). An even number of passes leaves the
 * result in `keys`. */
static int sort_namekeys(const fg__alloc *a, fg__namekey *keys, size_t n) {
  if (n <= 32) { /* insertion sort: stable, and cheaper than any counting */
    for (size_t i = 1; i < n; i++) {
      fg__namekey k = keys[i];
      size_t j = i;
      for (; j > 0 && keys[j - 1].hash > k.hash; j--)
        keys[j] = keys[j - 1];
      keys[j] = k;
    }
    return FG_OK;
  }
  unsigned bits = n >= 65536 ? 16 : 8;
  size_t buckets = (size_t)1 << bits;
  fg__namekey *tmp = fg__malloc(a, n * sizeof *tmp);
  uint32_t *count = fg__malloc(a, buckets * sizeof *count);
  if (!tmp || !count) {
    fg__free(a, tmp);
    fg__free(a, count);
    return FG_ENOMEM;
  }
  fg__namekey *src = keys, *dst = tmp;
  for (unsigned shift = 0; shift < 32; shift += bits) {
    uint32_t mask = (uint32_t)buckets - 1;
    memset(count, 0, buckets * sizeof *count);
    for (size_t i = 0; i < n; i++)
      count[(src[i].hash >> shift) & mask]++;
    uint32_t sum = 0;
    for (size_t b = 0; b < buckets; b++) {
      uint32_t c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++)
      dst[count[(src[i].hash >> shift) & mask]++] = src[i];
    fg__namekey *t = src;
    src = dst;
    dst = t;
  }
  fg__free(a, tmp);
  fg__free(a, count);
  return FG_OK;
}

/* Drop adjacent duplicates (same hash and id) after sorting. */
static size_t dedupe(fg__namekey *keys, size_t n) {
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (m == 0 || keys[m - 1].hash != keys[i].hash || keys[m - 1].id != keys[i].id)
      keys[m++] = keys[i];
  return m;
}

static int build_titles(const fg_graph *g, fg__index *ix) {
  const fg__alloc *a = &g->alloc;
  size_t nf = g->n[FG_TABLE_FILMS], na = g->n[FG_TABLE_AKAS];
  size_t cap = 2 * nf + na;
  fg__namekey *keys = fg__malloc(a, (cap ? cap : 1) * sizeof *keys);
  if (!keys)
    return FG_ENOMEM;
  size_t n = 0;
  /* In film id order, so equal hashes end up in id order. */
  for (size_t f = 0; f < nf; f++) {
    const char *t = fg__str(&g->strings, g->films[f].title);
    keys[n].hash = fg__fold_hash(t, strlen(t));
    keys[n++].id = (uint32_t)f;
    if (g->films[f].original_title) {
      const char *o = fg__str(&g->strings, g->films[f].original_title);
      keys[n].hash = fg__fold_hash(o, strlen(o));
      keys[n++].id = (uint32_t)f;
    }
    for (uint32_t k = ix->aka_start[f]; k < ix->aka_start[f + 1]; k++) {
      uint32_t at = g->akas[FG__CSR_ITEM(ix->aka, k)].title;
      if (at == g->films[f].title || at == g->films[f].original_title)
        continue; /* the same string: already there */
      const char *s = fg__str(&g->strings, at);
      keys[n].hash = fg__fold_hash(s, strlen(s));
      keys[n++].id = (uint32_t)f;
    }
  }
  int rc = sort_namekeys(a, keys, n);
  if (rc) {
    fg__free(a, keys);
    return rc;
  }
  ix->titles = keys;
  ix->n_titles = dedupe(keys, n);
  return FG_OK;
}

static int build_names(const fg_graph *g, fg__index *ix) {
  const fg__alloc *a = &g->alloc;
  size_t np = g->n[FG_TABLE_PEOPLE];
  fg__namekey *keys = fg__malloc(a, (np ? np : 1) * sizeof *keys);
  if (!keys)
    return FG_ENOMEM;
  for (size_t p = 0; p < np; p++) {
    const char *s = fg__str(&g->strings, g->people[p].name);
    keys[p].hash = fg__fold_hash(s, strlen(s));
    keys[p].id = (uint32_t)p;
  }
  int rc = sort_namekeys(a, keys, np);
  if (rc) {
    fg__free(a, keys);
    return rc;
  }
  ix->names = keys;
  ix->n_names = np;
  return FG_OK;
}

/* The adjacency; the search tables are left for fg__search_get. */
static int index_build(const fg_graph *g, fg__index **out) {
  const fg__alloc *a = &g->alloc;
  fg__index *ix = fg__malloc(a, sizeof *ix);
  if (!ix)
    return FG_ENOMEM;
  memset(ix, 0, sizeof *ix);
  memcpy(ix->n, g->n, sizeof ix->n);
  int rc = build_credit_rows(g, ix);
  if (!rc)
    rc = build_relations(g, ix);
  if (rc) {
    fg__index_free(a, ix);
    return rc;
  }
  *out = ix;
  return FG_OK;
}

/* Put a newly built index in place of the graph's (stale or missing) one. */
static const fg__index *install(const fg_graph *cg, fg__index *ix) {
  /* Building the index is the one write a query makes; the header's Threads
   * section asks callers to freeze a graph before sharing it. */
  fg_graph *g = (fg_graph *)cg;
  fg__index_free(&g->alloc, g->index);
  g->index = ix;
  return ix;
}

/* The AKA rows of ix (AKAs by film): no traversal needs them, so they are
 * built with the search tables or by the first AKA lookup, not with the
 * adjacency. On failure ix is as it was. */
static int akas_build(const fg_graph *g, fg__index *ix) {
  if (ix->has_akas)
    return FG_OK;
  int rc = csr_build(&g->alloc, g->akas, sizeof *g->akas, offsetof(fg__aka, film),
                     g->n[FG_TABLE_AKAS], g->n[FG_TABLE_FILMS], 1, &ix->aka_start, &ix->aka);
  if (!rc)
    ix->has_akas = 1;
  return rc;
}

/* The search tables of ix (and the AKA rows they read); on failure ix is
 * as it was, but for AKA rows it may keep. */
static int search_build(const fg_graph *g, fg__index *ix) {
  int rc = akas_build(g, ix);
  if (rc)
    return rc;
  rc = build_titles(g, ix);
  if (!rc)
    rc = build_names(g, ix);
  if (rc) {
    fg__free(&g->alloc, ix->titles);
    ix->titles = NULL;
    ix->n_titles = 0;
    return rc;
  }
  ix->has_search = 1;
  return FG_OK;
}

const fg__index *fg__index_get(const fg_graph *g, int *status) {
  *status = FG_OK;
  if (fg__index_valid(g))
    return g->index;
  fg__index *ix;
  if ((*status = index_build(g, &ix)))
    return NULL;
  return install(g, ix);
}

const fg__index *fg__akas_get(const fg_graph *g, int *status) {
  const fg__index *cix = fg__index_get(g, status);
  if (!cix)
    return NULL;
  fg__index *ix = g->index; /* the same, writable: see install() */
  if ((*status = akas_build(g, ix)))
    return NULL;
  return ix;
}

/* All or nothing: a failure leaves the graph's index as it was. */
const fg__index *fg__search_get(const fg_graph *g, int *status) {
  *status = FG_OK;
  if (fg__index_valid(g)) {
    if (!g->index->has_search && (*status = search_build(g, g->index)))
      return NULL;
    return g->index;
  }
  fg__index *ix;
  if ((*status = index_build(g, &ix)))
    return NULL;
  if ((*status = search_build(g, ix))) {
    fg__index_free(&g->alloc, ix);
    return NULL;
  }
  return install(g, ix);
}

int fg_graph_freeze(fg_graph *g) {
  if (!g)
    return FG_EINVAL;
  int rc;
  if (!fg__search_get(g, &rc))
    return fg__seterr(g, rc, "cannot build the indexes: %s", fg_errstr(rc));
  return FG_OK;
}
