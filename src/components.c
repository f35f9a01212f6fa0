/* Connected components of films under a relation mask: union-find with
 * path halving and union by size (iterative), then the groups laid out
 * largest first. */
#include "fg_internal.h"

#include <stdlib.h>
#include <string.h>

struct fg_components {
  fg__alloc alloc;
  size_t nfilms, count;
  uint32_t *of;    /* film -> component */
  uint32_t *start; /* component -> first item; count + 1 entries */
  uint32_t *films; /* films grouped by component, ids ascending */
};

static uint32_t find(uint32_t *parent, uint32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

typedef struct group {
  uint32_t root, size, first; /* first: smallest film id */
} group;

static int cmp_group(const void *pa, const void *pb) {
  const group *a = pa, *b = pb;
  if (a->size != b->size)
    return a->size > b->size ? -1 : 1;
  return (a->first > b->first) - (a->first < b->first);
}

int fg_graph_components(const fg_graph *g, uint32_t rel_mask, fg_components **out) {
  if (out)
    *out = NULL;
  if (!g || !out)
    return FG_EINVAL;
  const fg__alloc *a = &g->alloc;
  size_t nf = g->n[FG_TABLE_FILMS];
  fg_components *c = fg__malloc(a, sizeof *c);
  uint32_t *parent = fg__malloc(a, (nf + 1) * sizeof *parent);
  uint32_t *size = fg__malloc(a, (nf + 1) * sizeof *size);
  if (c)
    memset(c, 0, sizeof *c);
  if (!c || !parent || !size) {
    fg__free(a, c);
    fg__free(a, parent);
    fg__free(a, size);
    return FG_ENOMEM;
  }
  c->alloc = *a;
  c->nfilms = nf;
  for (size_t f = 0; f < nf; f++)
    parent[f] = (uint32_t)f, size[f] = 1;
  for (size_t r = 0; r < g->n[FG_TABLE_RELATIONS]; r++) {
    const fg__relation *rel = &g->relations[r];
    if (!(rel_mask & FG_REL_MASK(rel->type)))
      continue;
    uint32_t x = find(parent, rel->from), y = find(parent, rel->to);
    if (x == y)
      continue;
    if (size[x] < size[y]) {
      uint32_t t = x;
      x = y, y = t;
    }
    parent[y] = x;
    size[x] += size[y];
  }
  /* One group per root, in film id order (so `first` is the smallest). */
  group *groups = fg__malloc(a, (nf + 1) * sizeof *groups);
  c->of = fg__malloc(a, (nf + 1) * sizeof *c->of);
  c->films = fg__malloc(a, (nf + 1) * sizeof *c->films);
  int rc = groups && c->of && c->films ? FG_OK : FG_ENOMEM;
  size_t ng = 0;
  for (size_t f = 0; f < nf && !rc; f++) {
    if (find(parent, (uint32_t)f) == f) {
      groups[ng].root = (uint32_t)f, groups[ng].size = size[f];
      ng++;
    }
  }
  /* A group's smallest film id: the last one met going down the ids. */
  if (!rc) {
    for (size_t i = 0; i < ng; i++)
      size[groups[i].root] = (uint32_t)i; /* root -> group, reusing size */
    for (size_t f = nf; f-- > 0;)
      groups[size[find(parent, (uint32_t)f)]].first = (uint32_t)f;
    if (ng > 1)
      qsort(groups, ng, sizeof *groups, cmp_group);
    c->start = fg__malloc(a, (ng + 1) * sizeof *c->start);
    if (!c->start)
      rc = FG_ENOMEM;
  }
  if (!rc) {
    uint32_t at = 0;
    for (size_t i = 0; i < ng; i++) {
      size[groups[i].root] = (uint32_t)i; /* root -> component number */
      c->start[i] = at;
      at += groups[i].size;
    }
    c->start[ng] = at;
    c->count = ng;
    /* Fill in film id order: each component's films come out ascending. */
    for (size_t i = 0; i < ng; i++)
      groups[i].first = c->start[i]; /* cursor */
    for (size_t f = 0; f < nf; f++) {
      uint32_t comp = size[find(parent, (uint32_t)f)];
      c->of[f] = comp;
      c->films[groups[comp].first++] = (uint32_t)f;
    }
  }
  fg__free(a, groups);
  fg__free(a, parent);
  fg__free(a, size);
  if (rc) {
    fg_components_free(c);
    return rc;
  }
  *out = c;
  return FG_OK;
}

size_t fg_components_count(const fg_components *c) { return c ? c->count : 0; }

size_t fg_components_size(const fg_components *c, size_t index) {
  return c && index < c->count ? c->start[index + 1] - c->start[index] : 0;
}

uint32_t fg_components_of(const fg_components *c, fg_id film) {
  return c && film < c->nfilms ? c->of[film] : FG_ID_NONE;
}

int fg_components_films(const fg_components *c, size_t index, fg_idlist **out) {
  if (out)
    *out = NULL;
  if (!c || !out)
    return FG_EINVAL;
  if (index >= c->count)
    return FG_ENOTFOUND;
  fg_idlist *l = fg__idlist_new(&c->alloc);
  if (!l)
    return FG_ENOMEM;
  for (uint32_t k = c->start[index]; k < c->start[index + 1]; k++) {
    if (fg__idlist_push(l, c->films[k]) != FG_OK) {
      fg_idlist_free(l);
      return FG_ENOMEM;
    }
  }
  *out = l;
  return FG_OK;
}

void fg_components_free(fg_components *c) {
  if (!c)
    return;
  fg__alloc a = c->alloc;
  fg__free(&a, c->of);
  fg__free(&a, c->start);
  fg__free(&a, c->films);
  fg__free(&a, c);
}
