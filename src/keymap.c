/* Key → id maps for films and people: open addressing over the ids (hash.c),
 * the key text read from the record itself, so an entry costs 8 bytes. */
#include "fg_internal.h"

#include <string.h>

static const char *key_of(const fg__strpool *p, const void *base, size_t stride, fg_id id) {
  uint32_t handle;
  memcpy(&handle, (const char *)base + (size_t)id * stride, sizeof handle);
  return fg__str(p, handle);
}

void fg__keymap_free(fg__keymap *m, const fg__alloc *a) {
  fg__free(a, m->slots);
  memset(m, 0, sizeof *m);
}

fg_id fg__keymap_find(const fg__keymap *m, const fg__strpool *p, const void *base,
                      size_t stride, const char *key, size_t len) {
  if (!m->nslots)
    return FG_ID_NONE;
  uint32_t h = fg__hash_bytes(key, len);
  size_t mask = m->nslots - 1;
  for (size_t i = h & mask; m->slots[i].val; i = (i + 1) & mask) {
    if (m->slots[i].hash != h)
      continue;
    const char *k = key_of(p, base, stride, m->slots[i].val - 1);
    if (strncmp(k, key, len) == 0 && k[len] == '\0')
      return m->slots[i].val - 1;
  }
  return FG_ID_NONE;
}

int fg__keymap_reserve(fg__keymap *m, const fg__alloc *a, size_t count) {
  return fg__slots_reserve(a, &m->slots, &m->nslots, m->used + count);
}

void fg__keymap_insert(fg__keymap *m, uint32_t hash, fg_id id) {
  size_t mask = m->nslots - 1, i = hash & mask;
  while (m->slots[i].val)
    i = (i + 1) & mask;
  m->slots[i].val = id + 1;
  m->slots[i].hash = hash;
  m->used++;
}

int fg__keymap_sync(fg__keymap *m, const fg__alloc *a, const fg__strpool *p, const void *base,
                    size_t stride, size_t n) {
  if (m->synced >= n)
    return FG_OK;
  int rc = fg__keymap_reserve(m, a, n - m->synced);
  if (rc)
    return rc;
  for (; m->synced < n; m->synced++) {
    const char *k = key_of(p, base, stride, (fg_id)m->synced);
    fg__keymap_insert(m, fg__hash_bytes(k, strlen(k)), (fg_id)m->synced);
  }
  return FG_OK;
}

void fg__keymap_remove_from(fg__keymap *m, const fg__strpool *p, const void *base,
                            size_t stride, fg_id first, fg_id end) {
  for (fg_id id = first; id < end; id++) {
    const char *k = key_of(p, base, stride, id);
    uint32_t h = fg__hash_bytes(k, strlen(k));
    size_t mask = m->nslots - 1;
    for (size_t i = h & mask; m->slots[i].val; i = (i + 1) & mask) {
      if (m->slots[i].val == id + 1) {
        fg__slots_delete(m->slots, m->nslots, i);
        m->used--;
        break;
      }
    }
  }
}
