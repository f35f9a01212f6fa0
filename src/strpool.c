/* String storage: strings live NUL-terminated in one buffer and a handle is
 * a byte offset. Interned strings are found again through an open-addressing
 * table (hash.c), whose deletion for rollback shifts entries back so it
 * never degrades; small direct-mapped caches of recent strings sit in
 * front of it (one for interned strings, one for cached free text), so
 * that frequent values ("Drama", "en", "actor", "Self") are found without
 * touching the table. */
#include "fg_internal.h"

#include <string.h>

#define POOL_MAX ((uint64_t)1 << 32) /* handles are uint32_t */

/* Allocate chunks for `need` bytes starting at handle `at` (a chunk
 * boundary): one allocation, as many chunk slots as it spans. */
static int add_chunks(fg__strpool *p, const fg__alloc *a, size_t at, size_t need) {
  size_t k = (need + FG__STR_CHUNK - 1) / FG__STR_CHUNK, first = at >> FG__STR_CHUNK_BITS;
  if ((uint64_t)at + (uint64_t)k * FG__STR_CHUNK > POOL_MAX)
    return FG_ELIMIT;
  if (first + k > p->cap_chunks) {
    size_t cap = p->cap_chunks ? p->cap_chunks : 16;
    while (cap < first + k)
      cap *= 2;
    char **chunks = fg__realloc(a, p->chunks, cap * sizeof *chunks);
    if (chunks)
      p->chunks = chunks;
    uint64_t *ends = chunks ? fg__realloc(a, p->ends, cap * sizeof *ends) : NULL;
    if (ends)
      p->ends = ends;
    uint8_t *owns = ends ? fg__realloc(a, p->owns, cap) : NULL;
    if (!owns)
      return FG_ENOMEM;
    p->owns = owns;
    p->cap_chunks = cap;
  }
  char *mem = fg__malloc(a, k * FG__STR_CHUNK);
  if (!mem)
    return FG_ENOMEM;
  for (size_t j = 0; j < k; j++) {
    p->chunks[first + j] = mem + j * FG__STR_CHUNK;
    p->ends[first + j] = (uint64_t)at + (uint64_t)k * FG__STR_CHUNK;
    p->owns[first + j] = j == 0;
  }
  p->nchunks = first + k;
  return FG_OK;
}

int fg__strpool_init(fg__strpool *p, const fg__alloc *a) {
  memset(p, 0, sizeof *p);
  int rc = add_chunks(p, a, 0, 1);
  if (rc) {
    fg__strpool_free(p, a);
    return rc;
  }
  p->chunks[0][0] = '\0'; /* handle 0 is "" */
  p->len = 1;
  return FG_OK;
}

void fg__strpool_free(fg__strpool *p, const fg__alloc *a) {
  for (size_t i = 0; i < p->nchunks; i++)
    if (p->owns[i])
      fg__free(a, p->chunks[i]);
  fg__free(a, p->chunks);
  fg__free(a, p->ends);
  fg__free(a, p->owns);
  fg__free(a, p->slots);
  memset(p, 0, sizeof *p);
}

/* Is the string at handle off exactly s[0..len)? Reads only inside off's
 * allocation; a string of another length is told apart by one byte. */
int fg__strpool_equals(const fg__strpool *p, uint32_t off, const char *s, size_t len) {
  if ((uint64_t)off + len >= p->len || (uint64_t)off + len >= p->ends[off >> FG__STR_CHUNK_BITS])
    return 0;
  const char *t = fg__str(p, off);
  return t[len] == '\0' && memcmp(t, s, len) == 0;
}

/* Append s (which may itself be a string of the pool: chunks never move);
 * *out gets the new handle. A string never straddles two allocations. */
static int append(fg__strpool *p, const fg__alloc *a, const char *s, size_t len, uint32_t *out) {
  size_t need = len + 1, at = p->len, c = at >> FG__STR_CHUNK_BITS;
  if (c >= p->nchunks || (uint64_t)at + need > p->ends[c]) {
    at = (at + FG__STR_CHUNK - 1) & ~(FG__STR_CHUNK - 1); /* the next chunk */
    if (need > POOL_MAX)
      return FG_ELIMIT;
    /* Zero the end of the allocation left unused, so that comparing a
     * string near it (fg__strpool_equals reads s[len] of a candidate that
     * may be shorter) reads defined bytes. */
    size_t gap_end = c < p->nchunks && at > p->ends[c] ? (size_t)p->ends[c] : at;
    char *gap = c < p->nchunks ? p->chunks[c] + (p->len & (FG__STR_CHUNK - 1)) : NULL;
    int rc = add_chunks(p, a, at, need);
    if (rc)
      return rc;
    if (gap && gap_end > p->len)
      memset(gap, 0, gap_end - p->len);
  }
  char *dst = p->chunks[at >> FG__STR_CHUNK_BITS] + (at & (FG__STR_CHUNK - 1));
  memcpy(dst, s, len);
  dst[len] = '\0';
  *out = (uint32_t)at;
  p->len = at + need;
  return FG_OK;
}

int fg__strpool_put(fg__strpool *p, const fg__alloc *a, const char *s, size_t len, int mode,
                    uint32_t *out) {
  if (len == 0) {
    *out = 0;
    return FG_OK;
  }
  if (mode == FG__STR_UNIQUE)
    return append(p, a, s, len, out);
  /* The cache entry is picked by the quick hash (1M titles: title.akas,
   * title.basics and name.basics 6-8% faster than by the full hash, which
   * is only worked out for the intern table, on a cache miss). */
  uint32_t q = fg__quick_hash(s, len);
  fg__slot *cache = mode == FG__STR_CACHED ? p->cache : p->vocab;
  fg__slot *cached = &cache[(q >> 8) & (FG__STRCACHE - 1)];
  if (cached->val && cached->hash == q && fg__strpool_equals(p, cached->val, s, len)) {
    *out = cached->val;
    return FG_OK;
  }
  if (mode == FG__STR_CACHED) {
    int rc = append(p, a, s, len, out);
    if (!rc)
      cached->val = *out, cached->hash = q;
    return rc;
  }
  uint32_t h = fg__hash_bytes(s, len);
  int rc = fg__slots_reserve(a, &p->slots, &p->nslots, p->used + 1);
  if (rc)
    return rc;
  size_t mask = p->nslots - 1, i = h & mask;
  for (; p->slots[i].val; i = (i + 1) & mask) {
    if (p->slots[i].hash == h && fg__strpool_equals(p, p->slots[i].val, s, len)) {
      *out = cached->val = p->slots[i].val;
      cached->hash = q;
      return FG_OK;
    }
  }
  rc = append(p, a, s, len, out);
  if (rc)
    return rc;
  p->slots[i].val = *out;
  p->slots[i].hash = h;
  p->used++;
  cached->val = *out, cached->hash = q;
  return FG_OK;
}

int fg__strpool_intern(fg__strpool *p, const fg__alloc *a, const char *s, size_t len,
                       uint32_t *out) {
  return fg__strpool_put(p, a, s, len, FG__STR_EXACT, out);
}

void fg__strpool_truncate(fg__strpool *p, const fg__alloc *a, size_t len) {
  if (len >= p->len)
    return;
  /* Drop the table entries of the strings past len. Scanning the slots
   * (not the strings) also handles strings with NULs inside; an entry that
   * a deletion shifts into slot i is looked at again. */
  for (size_t i = 0; i < p->nslots; i++) {
    while (p->slots[i].val >= len) {
      fg__slots_delete(p->slots, p->nslots, i);
      p->used--;
    }
  }
  for (size_t i = 0; i < FG__STRCACHE; i++) {
    if (p->cache[i].val >= len)
      p->cache[i].val = 0;
    if (p->vocab[i].val >= len)
      p->vocab[i].val = 0;
  }
  /* Free the allocations that hold nothing kept. */
  size_t keep = (len + FG__STR_CHUNK - 1) >> FG__STR_CHUNK_BITS;
  for (size_t i = keep; i < p->nchunks; i++)
    if (p->owns[i])
      fg__free(a, p->chunks[i]);
  if (keep < p->nchunks)
    p->nchunks = keep;
  p->len = len;
}
