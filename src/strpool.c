/* String storage: strings live NUL-terminated in one buffer and a handle is
 * a byte offset. Interned strings are found again through an open-addressing
 * table (hash.c), whose deletion for rollback shifts entries back so it
 * never degrades; a small direct-mapped cache of recent strings sits in
 * front of it, so that frequent values ("Drama", "en", "actor") are found
 * without touching the table. */
#include "fg_internal.h"

#include <string.h>

#define POOL_MAX ((size_t)0xFFFFFFFFu) /* handles are uint32_t offsets */

int fg__strpool_init(fg__strpool *p, const fg__alloc *a) {
  memset(p, 0, sizeof *p);
  p->buf = fg__malloc(a, 256);
  if (!p->buf)
    return FG_ENOMEM;
  p->buf[0] = '\0';
  p->len = 1;
  p->cap = 256;
  return FG_OK;
}

void fg__strpool_free(fg__strpool *p, const fg__alloc *a) {
  fg__free(a, p->buf);
  fg__free(a, p->slots);
  memset(p, 0, sizeof *p);
}

static int same(const fg__strpool *p, uint32_t off, const char *s, size_t len) {
  return off + len < p->len && p->buf[off + len] == '\0' && memcmp(p->buf + off, s, len) == 0;
}

/* Append s to the buffer; *out gets the new handle. */
static int append(fg__strpool *p, const fg__alloc *a, const char *s, size_t len, uint32_t *out) {
  if (len >= POOL_MAX - p->len)
    return FG_ELIMIT;
  void *buf = p->buf;
  int rc = fg__reserve(a, &buf, &p->cap, p->len + len + 1, 1);
  if (rc)
    return rc;
  p->buf = buf;
  *out = (uint32_t)p->len;
  memcpy(p->buf + p->len, s, len);
  p->buf[p->len + len] = '\0';
  p->len += len + 1;
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
  uint32_t h = fg__hash_bytes(s, len);
  fg__slot *cached = &p->cache[(h ^ (h >> 16)) & (FG__STRCACHE - 1)];
  if (cached->val && cached->hash == h && same(p, cached->val, s, len)) {
    *out = cached->val;
    return FG_OK;
  }
  if (mode == FG__STR_CACHED) {
    int rc = append(p, a, s, len, out);
    if (!rc)
      cached->val = *out, cached->hash = h;
    return rc;
  }
  int rc = fg__slots_reserve(a, &p->slots, &p->nslots, p->used + 1);
  if (rc)
    return rc;
  size_t mask = p->nslots - 1, i = h & mask;
  for (; p->slots[i].val; i = (i + 1) & mask) {
    if (p->slots[i].hash == h && same(p, p->slots[i].val, s, len)) {
      *out = cached->val = p->slots[i].val;
      cached->hash = h;
      return FG_OK;
    }
  }
  rc = append(p, a, s, len, out);
  if (rc)
    return rc;
  p->slots[i].val = *out;
  p->slots[i].hash = h;
  p->used++;
  cached->val = *out, cached->hash = h;
  return FG_OK;
}

int fg__strpool_intern(fg__strpool *p, const fg__alloc *a, const char *s, size_t len,
                       uint32_t *out) {
  return fg__strpool_put(p, a, s, len, FG__STR_EXACT, out);
}

void fg__strpool_truncate(fg__strpool *p, size_t len) {
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
  for (size_t i = 0; i < FG__STRCACHE; i++)
    if (p->cache[i].val >= len)
      p->cache[i].val = 0;
  p->len = len;
}
