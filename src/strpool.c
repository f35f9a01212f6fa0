/* String interning: every distinct string is stored once; a handle is the
 * string's byte offset in one buffer. The lookup table is open addressing
 * (hash.c); deletion for rollback shifts entries back, so a table never
 * degrades. */
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

int fg__strpool_intern(fg__strpool *p, const fg__alloc *a, const char *s, size_t len,
                       uint32_t *out) {
  if (len == 0) {
    *out = 0;
    return FG_OK;
  }
  int rc = fg__slots_reserve(a, &p->slots, &p->nslots, p->used + 1);
  if (rc)
    return rc;
  uint32_t h = fg__hash_bytes(s, len);
  size_t mask = p->nslots - 1, i = h & mask;
  for (; p->slots[i].val; i = (i + 1) & mask) {
    uint32_t off = p->slots[i].val;
    if (p->slots[i].hash == h && off + len < p->len && p->buf[off + len] == '\0' &&
        memcmp(p->buf + off, s, len) == 0) {
      *out = off;
      return FG_OK;
    }
  }
  if (len >= POOL_MAX - p->len)
    return FG_ELIMIT;
  void *buf = p->buf;
  rc = fg__reserve(a, &buf, &p->cap, p->len + len + 1, 1);
  if (rc)
    return rc;
  p->buf = buf;
  uint32_t off = (uint32_t)p->len;
  memcpy(p->buf + off, s, len);
  p->buf[off + len] = '\0';
  p->len += len + 1;
  p->slots[i].val = off;
  p->slots[i].hash = h;
  p->used++;
  *out = off;
  return FG_OK;
}

void fg__strpool_truncate(fg__strpool *p, size_t len) {
  size_t off = len;
  while (off < p->len) {
    size_t slen = strlen(p->buf + off);
    uint32_t h = fg__hash_bytes(p->buf + off, slen);
    size_t mask = p->nslots - 1;
    for (size_t i = h & mask; p->slots[i].val; i = (i + 1) & mask) {
      if (p->slots[i].val == off) {
        fg__slots_delete(p->slots, p->nslots, i);
        p->used--;
        break;
      }
    }
    off += slen + 1;
  }
  if (len < p->len)
    p->len = len;
}
