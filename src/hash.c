/* The string hash used by the intern table, the key maps and the search
 * tables. */
#include "fg_internal.h"

#include <string.h>

/* FNV-1a style over 64 bits, 8 bytes per step, with a final mix (murmur3's
 * fmix64) folded to 32 bits. Keys here are short, so the last 1 to 7 bytes
 * are one more step, read as at most two overlapping loads (the length,
 * mixed in first, tells apart what the overlap would not); simple,
 * portable and well distributed. */
uint32_t fg__hash_bytes(const void *data, size_t len) {
  const unsigned char *p = data;
  uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)len;
  while (len >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = fg__hash_step(h, w);
    p += 8;
    len -= 8;
  }
  if (len) {
    uint64_t w;
    if (len >= 4) {
      uint32_t a, b;
      memcpy(&a, p, 4);
      memcpy(&b, p + len - 4, 4);
      w = (uint64_t)a << 32 | b;
    } else {
      w = (uint64_t)p[0] << 16 | (uint64_t)p[len / 2] << 8 | p[len - 1];
    }
    h = fg__hash_step(h, w);
  }
  return fg__hash_finish(h);
}

int fg__slots_reserve(const fg__alloc *a, fg__slot **slots, size_t *nslots, size_t used) {
  if (used <= *nslots / 4 * 3 && *nslots)
    return FG_OK;
  size_t n = *nslots ? *nslots : 16; /* small first: many tables stay small */
  while (used > n / 4 * 3) {
    if (n > SIZE_MAX / 2 / sizeof(fg__slot))
      return FG_ELIMIT;
    n *= 2;
  }
  fg__slot *fresh = fg__malloc(a, n * sizeof *fresh);
  if (!fresh)
    return FG_ENOMEM;
  memset(fresh, 0, n * sizeof *fresh);
  for (size_t i = 0; i < *nslots; i++) {
    if (!(*slots)[i].val)
      continue;
    size_t j = (*slots)[i].hash & (n - 1);
    while (fresh[j].val)
      j = (j + 1) & (n - 1);
    fresh[j] = (*slots)[i];
  }
  fg__free(a, *slots);
  *slots = fresh;
  *nslots = n;
  return FG_OK;
}

void fg__slots_delete(fg__slot *slots, size_t nslots, size_t i) {
  size_t mask = nslots - 1, j = i;
  for (;;) {
    j = (j + 1) & mask;
    if (!slots[j].val)
      break;
    size_t home = slots[j].hash & mask;
    /* Entry j may move back to i only if its home is not cyclically in
     * (i, j]; otherwise it would become unreachable from its home. */
    int stays = (i <= j) ? (i < home && home <= j) : (i < home || home <= j);
    if (stays)
      continue;
    slots[i] = slots[j];
    i = j;
  }
  slots[i].val = 0;
  slots[i].hash = 0;
}
