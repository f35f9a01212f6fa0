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

void fg__keymap_remove(fg__keymap *m, const fg__strpool *p, const void *base, size_t stride,
                       fg_id id) {
  if (!m->nslots)
    return;
  const char *k = key_of(p, base, stride, id);
  uint32_t h = fg__hash_bytes(k, strlen(k));
  size_t mask = m->nslots - 1;
  for (size_t i = h & mask; m->slots[i].val; i = (i + 1) & mask) {
    if (m->slots[i].val == id + 1) {
      fg__slots_delete(m->slots, m->nslots, i);
      m->used--;
      return;
    }
  }
}
