/* Remake families and the true-story verdict: walks over remake_of, with
 * explicit stacks and queues (never recursion), so a loop or a chain a
 * million films deep is safe. */
#include "fg_internal.h"

#include <stdlib.h>
#include <string.h>

/* A growable set of films met by a walk: members[] in the order met and a
 * film → member index table (fg__slot: val = index + 1). */
typedef struct walkset {
  const fg__alloc *a;
  uint32_t *members;
  size_t count, cap;
  fg__slot *slots;
  size_t nslots;
} walkset;

static void walkset_free(walkset *w) {
  fg__free(w->a, w->members);
  fg__free(w->a, w->slots);
}

/* Index of `film` in the set, or SIZE_MAX. */
static size_t walkset_find(const walkset *w, uint32_t film) {
  if (!w->nslots)
    return SIZE_MAX;
  size_t i = fg__id_slot(w->slots, w->nslots, fg__mix32(film));
  return w->slots[i].val ? w->slots[i].val - 1 : SIZE_MAX;
}

/* Add a film not in the set. */
static int walkset_add(walkset *w, uint32_t film) {
  int rc = fg__slots_reserve(w->a, &w->slots, &w->nslots, w->count + 1);
  if (rc)
    return rc;
  void *m = w->members;
  rc = fg__reserve(w->a, &m, &w->cap, w->count + 1, sizeof *w->members);
  if (rc)
    return rc;
  w->members = m;
  uint32_t h = fg__mix32(film);
  size_t i = fg__id_slot(w->slots, w->nslots, h);
  w->slots[i].val = (uint32_t)w->count + 1;
  w->slots[i].hash = h;
  w->members[w->count++] = film;
  return FG_OK;
}

#define REMAKE(g, rel) ((g)->relations[rel].type == FG_REL_REMAKE_OF)

/* Sort order of films in a family: year (unknown last), then id. */
static uint64_t film_order(const fg_graph *g, uint32_t f) {
  int16_t y = g->films[f].year;
  return ((uint64_t)(y ? (uint16_t)y : 10000u) << 32) | f;
}

typedef struct child {
  uint64_t order;
  uint32_t film, rel;
} child;

static int cmp_child_desc(const void *pa, const void *pb) {
  const child *a = pa, *b = pb;
  return (a->order < b->order) - (a->order > b->order);
}

typedef struct frame {
  uint32_t film, parent, depth, rel;
} frame;

typedef struct builder {
  const fg_graph *g;
  const fg__index *ix;
  walkset set;
  fg_family *fam;
  size_t cap_nodes;
  uint8_t *placed;   /* by member index */
  uint32_t *primary; /* by member index: its first remake_of relation, or
                        FG_ID_NONE for an original */
  uint32_t *stamp;   /* by member index: scratch for the loop search */
  frame *stack;
  size_t nstack, cap_stack;
  child *kids;
  size_t cap_kids;
} builder;

static int push_frame(builder *b, frame f) {
  void *s = b->stack;
  int rc = fg__reserve(b->set.a, &s, &b->cap_stack, b->nstack + 1, sizeof *b->stack);
  if (rc)
    return rc;
  b->stack = s;
  b->stack[b->nstack++] = f;
  return FG_OK;
}

/* The first remake_of relation of film f, in the order added (the one
 * fg_film_true_story follows), or FG_ID_NONE. */
static uint32_t first_remake(const fg_graph *g, const fg__index *ix, uint32_t f) {
  fg__range rels = fg__rels(ix, f, 0);
  for (uint32_t k = rels.begin; k < rels.end; k++)
    if (REMAKE(g, rels.items[k]))
      return rels.items[k];
  return FG_ID_NONE;
}

/* Depth-first pre-order from `root`: each popped film becomes a node, and
 * the films whose first remake_of points at it are pushed youngest-last so
 * the oldest comes next. A film is thus under the same original in the
 * tree as in the true-story chain, and is pushed at most once. */
static int place_tree(builder *b, uint32_t root) {
  const fg_graph *g = b->g;
  const fg__index *ix = b->ix;
  frame top = {root, FG_ID_NONE, 0, FG_ID_NONE};
  int rc = push_frame(b, top);
  while (!rc && b->nstack) {
    frame f = b->stack[--b->nstack];
    size_t m = walkset_find(&b->set, f.film);
    b->placed[m] = 1;
    fg_family_node *node = &b->fam->nodes[b->fam->count];
    node->version = FG_FAMILY_NODE_VERSION;
    node->film = f.film;
    node->parent = f.parent;
    node->depth = f.depth;
    node->relation = f.rel;
    uint32_t self = (uint32_t)b->fam->count++;
    size_t nk = 0;
    fg__range rels = fg__rels(ix, f.film, 1);
    for (uint32_t k = rels.begin; k < rels.end; k++) {
      uint32_t rel = rels.items[k];
      if (!REMAKE(g, rel))
        continue;
      uint32_t c = g->relations[rel].from;
      size_t cm = walkset_find(&b->set, c);
      if (b->placed[cm] || b->primary[cm] != rel)
        continue;
      void *kp = b->kids;
      if ((rc = fg__reserve(b->set.a, &kp, &b->cap_kids, nk + 1, sizeof *b->kids)))
        return rc;
      b->kids = kp;
      b->kids[nk].order = film_order(g, c);
      b->kids[nk].film = c;
      b->kids[nk++].rel = rel;
    }
    if (nk > 1)
      qsort(b->kids, nk, sizeof *b->kids, cmp_child_desc);
    for (size_t i = 0; i < nk && !rc; i++) {
      frame cf = {b->kids[i].film, self, f.depth + 1, b->kids[i].rel};
      rc = push_frame(b, cf);
    }
  }
  return rc;
}

/* Collect the family: every film reachable over remake_of either way. */
static int collect(builder *b, fg_id film) {
  const fg_graph *g = b->g;
  const fg__index *ix = b->ix;
  int rc = walkset_add(&b->set, film);
  for (size_t q = 0; !rc && q < b->set.count; q++) {
    uint32_t f = b->set.members[q];
    for (int dir = 0; dir < 2 && !rc; dir++) {
      fg__range rels = fg__rels(ix, f, dir);
      const uint32_t *items = rels.items;
      for (uint32_t k = rels.begin; k < rels.end && !rc; k++) {
        const fg__relation *r = &g->relations[items[k]];
        if (r->type != FG_REL_REMAKE_OF)
          continue;
        uint32_t other = dir ? r->from : r->to;
        if (walkset_find(&b->set, other) == SIZE_MAX) {
          /* Its year orders the family later: the record is one miss in
           * a large array, overlapped with the rest of the walk. */
          FG__PREFETCH(&g->films[other].year);
          rc = walkset_add(&b->set, other);
        }
      }
    }
  }
  return rc;
}

/* Kahn's algorithm over "remakes" edges: if some member can never be
 * reached from a film that remakes nothing, remake_of loops. Also notes
 * films with several distinct originals. */
static int detect_cycle(builder *b, int *cycle) {
  const fg_graph *g = b->g;
  const fg__index *ix = b->ix;
  size_t n = b->set.count;
  uint32_t *outdeg = fg__malloc(b->set.a, n * sizeof *outdeg);
  uint32_t *queue = fg__malloc(b->set.a, n * sizeof *queue);
  if (!outdeg || !queue) {
    fg__free(b->set.a, outdeg);
    fg__free(b->set.a, queue);
    return FG_ENOMEM;
  }
  size_t qn = 0;
  for (size_t m = 0; m < n; m++) {
    uint32_t f = b->set.members[m], deg = 0, first = FG_ID_NONE;
    fg__range rels = fg__rels(ix, f, 0);
    for (uint32_t k = rels.begin; k < rels.end; k++) {
      const fg__relation *r = &g->relations[rels.items[k]];
      if (r->type != FG_REL_REMAKE_OF)
        continue;
      deg++;
      if (first == FG_ID_NONE)
        first = r->to;
      else if (r->to != first)
        b->fam->flags |= FG_FAMILY_MULTIPLE_PARENTS;
    }
    outdeg[m] = deg;
    if (!deg)
      queue[qn++] = (uint32_t)m;
  }
  for (size_t q = 0; q < qn; q++) {
    uint32_t f = b->set.members[queue[q]];
    fg__range rels = fg__rels(ix, f, 1);
    for (uint32_t k = rels.begin; k < rels.end; k++) {
      const fg__relation *r = &g->relations[rels.items[k]];
      if (r->type != FG_REL_REMAKE_OF)
        continue;
      size_t c = walkset_find(&b->set, r->from);
      if (--outdeg[c] == 0)
        queue[qn++] = (uint32_t)c;
    }
  }
  *cycle = qn < n;
  fg__free(b->set.a, outdeg);
  fg__free(b->set.a, queue);
  return FG_OK;
}

static int build_family(builder *b, fg_id film) {
  const fg_graph *g = b->g;
  int rc = collect(b, film);
  if (rc)
    return rc;
  size_t n = b->set.count;
  b->fam->nodes = fg__malloc(b->set.a, n * sizeof *b->fam->nodes);
  b->placed = fg__malloc(b->set.a, n);
  if (!b->fam->nodes || !b->placed)
    return FG_ENOMEM;
  memset(b->placed, 0, n);
  int cycle = 0;
  if ((rc = detect_cycle(b, &cycle)))
    return rc;
  if (cycle)
    b->fam->flags |= FG_FAMILY_CYCLE;
  /* Roots: the originals (films that remake nothing), oldest first. What
   * is left unplaced hangs off a loop: from the oldest such film, follow
   * first remake_of links until a film repeats; the oldest film of that
   * loop becomes a root, breaking it. */
  child *order = fg__malloc(b->set.a, n * sizeof *order);
  b->primary = fg__malloc(b->set.a, n * sizeof *b->primary);
  b->stamp = fg__malloc(b->set.a, n * sizeof *b->stamp);
  if (!order || !b->primary || !b->stamp) {
    fg__free(b->set.a, order);
    return FG_ENOMEM;
  }
  for (size_t m = 0; m < n; m++) {
    uint32_t f = b->set.members[m];
    b->primary[m] = first_remake(g, b->ix, f);
    b->stamp[m] = 0;
    /* Originals sort before every other film. */
    order[m].order = film_order(g, f) | ((uint64_t)(b->primary[m] != FG_ID_NONE) << 63);
    order[m].film = f;
    order[m].rel = (uint32_t)m;
  }
  qsort(order, n, sizeof *order, cmp_child_desc);
  for (size_t i = n; i-- > 0 && !rc;) {
    size_t m = order[i].rel;
    if (b->placed[m])
      continue;
    uint32_t root = order[i].film;
    if (b->primary[m] != FG_ID_NONE) {
      uint32_t walk = (uint32_t)(n - i); /* a fresh stamp per search */
      size_t at = m;
      while (b->stamp[at] != walk) {
        b->stamp[at] = walk;
        at = walkset_find(&b->set, g->relations[b->primary[at]].to);
      }
      /* `at` is on the loop: go round it once for its oldest film. */
      uint64_t best = film_order(g, b->set.members[at]);
      root = b->set.members[at];
      for (size_t k = walkset_find(&b->set, g->relations[b->primary[at]].to); k != at;
           k = walkset_find(&b->set, g->relations[b->primary[k]].to)) {
        uint64_t o = film_order(g, b->set.members[k]);
        if (o < best)
          best = o, root = b->set.members[k];
      }
    }
    rc = place_tree(b, root);
  }
  fg__free(b->set.a, order);
  return rc;
}

int fg_film_remake_family(const fg_graph *g, fg_id film, fg_family **out) {
  if (out)
    *out = NULL;
  if (!g || !out)
    return FG_EINVAL;
  if (film >= g->n[FG_TABLE_FILMS])
    return FG_ENOTFOUND;
  int rc;
  const fg__index *ix = fg__index_get(g, &rc);
  if (!ix)
    return rc;
  builder b;
  memset(&b, 0, sizeof b);
  b.g = g;
  b.ix = ix;
  b.set.a = &g->alloc;
  b.fam = fg__malloc(&g->alloc, sizeof *b.fam);
  if (!b.fam)
    return FG_ENOMEM;
  memset(b.fam, 0, sizeof *b.fam);
  b.fam->alloc = g->alloc;
  rc = build_family(&b, film);
  walkset_free(&b.set);
  fg__free(&g->alloc, b.placed);
  fg__free(&g->alloc, b.primary);
  fg__free(&g->alloc, b.stamp);
  fg__free(&g->alloc, b.stack);
  fg__free(&g->alloc, b.kids);
  if (rc) {
    fg_family_free(b.fam);
    return rc;
  }
  *out = b.fam;
  return FG_OK;
}

/* ---- True story ---------------------------------------------------------- */

int fg_film_true_story(const fg_graph *g, fg_id film, fg_story *out, fg_idlist **chain) {
  if (chain)
    *chain = NULL;
  if (!g || !out)
    return FG_EINVAL;
  if (out->version != FG_STORY_VERSION)
    return FG_EVERSION;
  if (film >= g->n[FG_TABLE_FILMS])
    return FG_ENOTFOUND;
  int rc;
  const fg__index *ix = fg__index_get(g, &rc);
  if (!ix)
    return rc;
  fg_idlist *rels = fg__idlist_new(&g->alloc);
  if (!rels)
    return FG_ENOMEM;
  walkset path = {0};
  path.a = &g->alloc;
  uint32_t flags = 0;
  uint32_t cur = film;
  rc = walkset_add(&path, cur);
  while (!rc) {
    uint32_t next_rel = FG_ID_NONE;
    fg__range remakes = fg__rels(ix, cur, 0);
    for (uint32_t k = remakes.begin; k < remakes.end; k++) {
      if (!REMAKE(g, remakes.items[k]))
        continue;
      if (next_rel == FG_ID_NONE)
        next_rel = remakes.items[k];
      else if (g->relations[remakes.items[k]].to != g->relations[next_rel].to)
        flags |= FG_STORY_BRANCHES;
    }
    if (next_rel == FG_ID_NONE)
      break;
    uint32_t next = g->relations[next_rel].to;
    if (walkset_find(&path, next) != SIZE_MAX) {
      flags |= FG_STORY_CYCLE;
      break;
    }
    if (g->relations[next_rel].flags & FG_RELF_UNOFFICIAL)
      flags |= FG_STORY_UNOFFICIAL;
    rc = fg__idlist_push(rels, next_rel);
    if (!rc)
      rc = walkset_add(&path, next);
    cur = next;
  }
  if (rc) {
    walkset_free(&path);
    fg_idlist_free(rels);
    return rc;
  }
  /* The original's origin decides; failing that, the nearest film to it
   * along the chain that has one. */
  out->film = film;
  out->original = path.members[path.count - 1];
  out->decided_by = FG_ID_NONE;
  out->origin = 0;
  for (size_t i = path.count; i-- > 0;) {
    uint32_t f = path.members[i];
    if (g->films[f].origin) {
      out->decided_by = f;
      out->origin = g->films[f].origin;
      break;
    }
  }
  out->answer = !out->origin                           ? FG_ANSWER_UNKNOWN
                : (out->origin & FG_ORIGIN_TRUE_EVENTS) ? FG_ANSWER_YES
                                                        : FG_ANSWER_NO;
  out->flags = flags;
  walkset_free(&path);
  if (chain)
    *chain = rels;
  else
    fg_idlist_free(rels);
  return FG_OK;
}
