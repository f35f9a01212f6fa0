/* Owned result objects: id lists and remake families. */
#include "fg_internal.h"

#include <string.h>

fg_idlist *fg__idlist_new(const fg__alloc *a) {
  fg_idlist *l = fg__malloc(a, sizeof *l);
  if (!l)
    return NULL;
  memset(l, 0, sizeof *l);
  l->alloc = *a;
  return l;
}

int fg__idlist_push(fg_idlist *l, uint32_t id) {
  void *ids = l->ids;
  int rc = fg__reserve(&l->alloc, &ids, &l->cap, l->count + 1, sizeof *l->ids);
  if (rc)
    return rc;
  l->ids = ids;
  l->ids[l->count++] = id;
  return FG_OK;
}

size_t fg_idlist_count(const fg_idlist *l) { return l ? l->count : 0; }

fg_id fg_idlist_get(const fg_idlist *l, size_t index) {
  return l && index < l->count ? l->ids[index] : FG_ID_NONE;
}

uint32_t fg_idlist_weight(const fg_idlist *l, size_t index) {
  return l && l->weights && index < l->count ? l->weights[index] : 0;
}

void fg_idlist_free(fg_idlist *l) {
  if (!l)
    return;
  fg__alloc a = l->alloc;
  fg__free(&a, l->weights);
  fg__free(&a, l->ids);
  fg__free(&a, l);
}

size_t fg_family_count(const fg_family *f) { return f ? f->count : 0; }

uint32_t fg_family_flags(const fg_family *f) { return f ? f->flags : 0; }

int fg_family_get(const fg_family *f, size_t index, fg_family_node *out) {
  if (!f || !out)
    return FG_EINVAL;
  if (out->version != FG_FAMILY_NODE_VERSION)
    return FG_EVERSION;
  if (index >= f->count)
    return FG_ENOTFOUND;
  *out = f->nodes[index];
  return FG_OK;
}

void fg_family_free(fg_family *f) {
  if (!f)
    return;
  fg__alloc a = f->alloc;
  fg__free(&a, f->nodes);
  fg__free(&a, f);
}
