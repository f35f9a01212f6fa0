/* Shortest paths between people and films: breadth-first search from both
 * ends, a level at a time from the smaller frontier, over credits (people
 * and films) and film-to-film relations. Visited nodes live in hash tables,
 * so a short query costs what it explores, not the size of the graph; a
 * search that grows large moves to an array over all nodes. */
#include "fg_internal.h"

#include <stdlib.h>
#include <string.h>

struct fg_path {
  fg__alloc alloc;
  uint64_t *nodes;
  uint32_t *step_kind, *step_id; /* count - 1 of each */
  size_t count;
};

/* A node reached by one side: where it came from, and how. */
typedef struct reached {
  uint32_t node;   /* films 0..nf-1, then people */
  uint32_t parent; /* index in the same side's list; FG_ID_NONE at the end */
  uint32_t step_kind, step_id;
  uint32_t depth;
} reached;

/* Bitmaps over all nodes (films, then people). */
static uint64_t *bitmap_new(const fg__alloc *a, size_t nodes) {
  size_t words = nodes / 64 + 1;
  uint64_t *bits = fg__malloc(a, words * sizeof *bits);
  if (bits)
    memset(bits, 0, words * sizeof *bits);
  return bits;
}

static int bit_test(const uint64_t *bits, uint32_t node) {
  return (int)((bits[node / 64] >> (node % 64)) & 1);
}

static void bit_set(uint64_t *bits, uint32_t node) { bits[node / 64] |= 1ull << (node % 64); }

typedef struct side {
  const fg__alloc *a;
  reached *list;
  size_t count, cap;
  fg__slot *slots; /* node -> index + 1, while the side is small */
  size_t nslots;
  uint64_t *bits;  /* a bit per node, once the side is large */
  size_t nodes;    /* films + people */
} side;

/* Has side s reached `node`? */
static int side_has(const side *s, uint32_t node) {
  if (s->bits)
    return bit_test(s->bits, node);
  return s->nslots && s->slots[fg__id_slot(s->slots, s->nslots, fg__mix32(node))].val;
}

/* Where side s lists `node`, or SIZE_MAX. Once the side is a bitmap this
 * scans the list from entry `hint` on (then from the start): a search asks
 * it once, where the two sides meet, and knows the level to look in. */
static size_t side_find(const side *s, uint32_t node, size_t hint) {
  if (!side_has(s, node))
    return SIZE_MAX;
  if (s->bits) {
    for (size_t i = hint; i < s->count; i++)
      if (s->list[i].node == node)
        return i;
    for (size_t i = 0; i < hint && i < s->count; i++)
      if (s->list[i].node == node)
        return i;
    return SIZE_MAX;
  }
  return s->slots[fg__id_slot(s->slots, s->nslots, fg__mix32(node))].val - 1;
}

/* A side that has reached more than 1/64 of the graph moves from the hash
 * table to a bitmap over all nodes (4 bytes for 32 nodes where the table
 * takes 8 bytes for 3/4 of a node): smaller from there on, and all of it
 * in cache far longer. */
static int side_go_bits(side *s) {
  uint64_t *bits = bitmap_new(s->a, s->nodes);
  if (!bits)
    return FG_ENOMEM;
  for (size_t i = 0; i < s->count; i++)
    bit_set(bits, s->list[i].node);
  fg__free(s->a, s->slots);
  s->slots = NULL;
  s->nslots = 0;
  s->bits = bits;
  return FG_OK;
}

/* Add r unless its node is there already: 1 if added, 0 if it was there,
 * or an error (< 0). One probe while the side is a hash table. */
static int side_insert(side *s, const reached *r) {
  uint32_t h = fg__mix32(r->node);
  size_t slot = 0;
  if (s->bits) {
    if (bit_test(s->bits, r->node))
      return 0;
  } else if (s->nslots) {
    slot = fg__id_slot(s->slots, s->nslots, h);
    if (s->slots[slot].val)
      return 0;
  }
  int rc;
  if (s->count == s->cap) {
    void *l = s->list;
    if ((rc = fg__reserve(s->a, &l, &s->cap, s->count + 1, sizeof *s->list)))
      return rc;
    s->list = l;
  }
  if (!s->bits && s->count + 1 > s->nodes / 64 + 1024 && (rc = side_go_bits(s)))
    return rc;
  if (s->bits) {
    bit_set(s->bits, r->node);
  } else {
    if (!s->nslots || s->count + 1 > s->nslots / 4 * 3) { /* grow, then probe again */
      /* Four-fold: a side that outgrows its first table usually grows far
       * (each growth rehashes everything). */
      if ((rc = fg__slots_reserve(s->a, &s->slots, &s->nslots, (s->count + 1) * 2)))
        return rc;
      slot = fg__id_slot(s->slots, s->nslots, h);
    }
    s->slots[slot].val = (uint32_t)s->count + 1;
    s->slots[slot].hash = h;
  }
  s->list[s->count++] = *r;
  return 1;
}

static int side_add(side *s, reached r) {
  int rc = side_insert(s, &r);
  return rc < 0 ? rc : FG_OK;
}

static void side_free(side *s) {
  fg__free(s->a, s->list);
  fg__free(s->a, s->slots);
  fg__free(s->a, s->bits);
}

typedef struct search {
  const fg_graph *g;
  const fg__index *ix;
  const fg_path_options *o;
  int all_roles; /* o->role_mask takes every role */
  uint32_t nf;
  side sides[2];
  size_t frontier_start[2]; /* where each side's last level begins */
  unsigned frontier_kinds[2]; /* what that level holds: 1 films, 2 people */
  /* The best meeting so far: a node reached by both sides. */
  size_t best_len, meet[2];
} search;

/* expand() stops at the first meeting: see fg_graph_shortest_path. */
#define MET 1

/* Visit neighbour `node` of entry `from` on side `s`. */
static int visit(search *q, int s, size_t from, uint32_t node, uint32_t kind, uint32_t id) {
  side *me = &q->sides[s], *other = &q->sides[!s];
  reached r = {node, (uint32_t)from, kind, id, me->list[from].depth + 1};
  int rc = side_insert(me, &r);
  if (rc <= 0)
    return rc;
  /* A meeting node is in the other side's frontier (see search_run), so
   * only a node of a kind that frontier holds can be one. */
  if (!(q->frontier_kinds[!s] & (node < q->nf ? 1u : 2u)))
    return FG_OK;
  size_t there = side_find(other, node, q->frontier_start[!s]);
  if (there == SIZE_MAX)
    return FG_OK;
  q->best_len = r.depth + other->list[there].depth;
  q->meet[s] = me->count - 1;
  q->meet[!s] = there;
  return MET;
}

/* Take the measure of side s's new frontier, entries lo..hi-1: note the
 * kinds of node it holds, and return what expanding it would cost, the
 * number of edges to look at. Each node's degree is a cache miss, so a
 * large frontier's is estimated from 64 of its nodes, evenly spread. */
static uint64_t measure_frontier(search *q, int s, size_t lo, size_t hi) {
  const fg__index *ix = q->ix;
  uint64_t sum = 0;
  size_t n = hi - lo, step = n > 256 ? n / 64 : 1;
  unsigned kinds = 0;
  for (size_t e = lo, next = lo; e < hi; e++) {
    uint32_t u = q->sides[s].list[e].node;
    kinds |= u < q->nf ? 1u : 2u;
    if (e != next)
      continue;
    next += step;
    if (u < q->nf) {
      sum += ix->film_credit_start[u + 1] - ix->film_credit_start[u];
      if (q->o->rel_mask)
        for (int dir = 0; dir < 2; dir++) {
          fg__range rels = fg__rels(ix, u, dir);
          sum += rels.end - rels.begin;
        }
    } else {
      uint32_t p = u - q->nf;
      sum += ix->person_credit_start[p + 1] - ix->person_credit_start[p];
    }
  }
  q->frontier_kinds[s] = kinds;
  return step > 1 ? sum * step : sum;
}

/* Expand every node of side s at depth `depth`. */
static int expand(search *q, int s, size_t lo, size_t hi) {
  const fg_graph *g = q->g;
  const fg__index *ix = q->ix;
  int rc = FG_OK;
  for (size_t e = lo; e < hi && !rc; e++) {
    const reached *list = q->sides[s].list; /* visit() may move it */
    /* The frontier's nodes are scattered: ask for the row starts two
     * nodes ahead and the row itself one node ahead. */
    if (e + 2 < hi) {
      uint32_t v = list[e + 2].node;
      FG__PREFETCH(v < q->nf ? &ix->film_credit_start[v] : &ix->person_credit_start[v - q->nf]);
    }
    if (e + 1 < hi) { /* (a row may be empty: its start is then one past the end) */
      uint32_t v = list[e + 1].node;
      if (v < q->nf) {
        uint32_t k = ix->film_credit_start[v];
        if (k < ix->film_credit_start[v + 1])
          FG__PREFETCH(&g->credits[FG__CSR_ITEM(ix->film_credit, k)]);
      } else {
        uint32_t k = ix->person_credit_start[v - q->nf];
        if (k < ix->person_credit_start[v - q->nf + 1])
          FG__PREFETCH(&ix->person_film[k]);
      }
    }
    uint32_t u = list[e].node;
    if (u < q->nf) { /* a film: its people, and related films */
      for (uint32_t k = ix->film_credit_start[u]; k < ix->film_credit_start[u + 1] && !rc; k++) {
        uint32_t cid = FG__CSR_ITEM(ix->film_credit, k);
        const fg__credit *c = &g->credits[cid];
        if (q->o->role_mask & FG_ROLE_MASK(c->role))
          rc = visit(q, s, e, q->nf + c->person, FG_STEP_CREDIT, cid);
      }
      for (int dir = 0; dir < 2 && !rc && q->o->rel_mask; dir++) {
        fg__range rels = fg__rels(ix, u, dir);
        const uint32_t *items = rels.items;
        for (uint32_t k = rels.begin; k < rels.end && !rc; k++) {
          const fg__relation *r = &g->relations[items[k]];
          if (q->o->rel_mask & FG_REL_MASK(r->type))
            rc = visit(q, s, e, dir ? r->from : r->to, FG_STEP_RELATION, items[k]);
        }
      }
    } else { /* a person: their films */
      uint32_t p = u - q->nf;
      for (uint32_t k = ix->person_credit_start[p]; k < ix->person_credit_start[p + 1] && !rc;
           k++)
        if (fg__person_entry_ok(ix, k, q->o->role_mask, q->all_roles))
          rc = visit(q, s, e, ix->person_film[k], FG_STEP_CREDIT, FG_ID_NONE);
    }
  }
  return rc;
}

static int to_index(const fg_graph *g, uint64_t node, uint32_t *out) {
  uint32_t kind = FG_NODE_KIND(node);
  fg_id id = FG_NODE_ID(node);
  if (kind == FG_NODE_FILM) {
    if (id >= g->n[FG_TABLE_FILMS])
      return FG_ENOTFOUND;
    *out = id;
    return FG_OK;
  }
  if (kind != FG_NODE_PERSON)
    return FG_EINVAL;
  if (id >= g->n[FG_TABLE_PEOPLE])
    return FG_ENOTFOUND;
  *out = (uint32_t)g->n[FG_TABLE_FILMS] + id;
  return FG_OK;
}

static uint64_t to_node_nf(uint32_t nf, uint32_t u) {
  return u < nf ? FG_NODE(FG_NODE_FILM, u) : FG_NODE(FG_NODE_PERSON, u - nf);
}

static uint64_t to_node(const search *q, uint32_t u) { return to_node_nf(q->nf, u); }

/* The id of the step between nodes u and v that side entry r records. A
 * step from a person to a film leaves the credit unnamed (the by-person
 * rows keep no credit ids): it is the person's first credit on the film
 * that the role mask takes, the one whose by-person entry led there. */
static uint32_t step_id(const search *q, const reached *r, uint32_t u, uint32_t v) {
  if (r->step_id != FG_ID_NONE)
    return r->step_id;
  uint32_t film = u < v ? u : v, person = (u < v ? v : u) - q->nf;
  return fg__credit_find(q->g, q->ix, film, person, q->o->role_mask);
}

/* The path through the meeting point: side 0 back to its start, reversed,
 * then side 1 on to its start. */
static int make_path(search *q, fg_path **out) {
  const fg__alloc *a = &q->g->alloc;
  size_t n = q->best_len + 1;
  fg_path *p = fg__malloc(a, sizeof *p);
  if (!p)
    return FG_ENOMEM;
  memset(p, 0, sizeof *p);
  p->alloc = *a;
  p->nodes = fg__malloc(a, n * sizeof *p->nodes);
  p->step_kind = fg__malloc(a, n * sizeof *p->step_kind);
  p->step_id = fg__malloc(a, n * sizeof *p->step_id);
  if (!p->nodes || !p->step_kind || !p->step_id) {
    fg_path_free(p);
    return FG_ENOMEM;
  }
  const side *s0 = &q->sides[0], *s1 = &q->sides[1];
  size_t i = s0->list[q->meet[0]].depth; /* the meeting node's place */
  for (size_t e = q->meet[0];; e = s0->list[e].parent, i--) {
    p->nodes[i] = to_node(q, s0->list[e].node);
    if (s0->list[e].parent == FG_ID_NONE)
      break;
    p->step_kind[i - 1] = s0->list[e].step_kind;
    p->step_id[i - 1] = step_id(q, &s0->list[e], s0->list[e].node,
                                s0->list[s0->list[e].parent].node);
  }
  i = s0->list[q->meet[0]].depth;
  for (size_t e = q->meet[1]; s1->list[e].parent != FG_ID_NONE; e = s1->list[e].parent) {
    p->step_kind[i] = s1->list[e].step_kind;
    p->step_id[i] = step_id(q, &s1->list[e], s1->list[e].node, s1->list[s1->list[e].parent].node);
    p->nodes[++i] = to_node(q, s1->list[s1->list[e].parent].node);
  }
  p->count = n;
  *out = p;
  return FG_OK;
}

/* The search both ends of fg_graph_shortest_path and fg_graph_distance
 * share: on FG_OK, q->best_len and q->meet describe a shortest path; the
 * caller frees the sides (search_free). */
static int search_run(search *q, const fg_graph *g, uint64_t from, uint64_t to,
                      const fg_path_options *opts) {
  static const fg_path_options defaults = FG_PATH_OPTIONS_INIT;
  memset(q, 0, sizeof *q);
  if (opts && opts->version != FG_PATH_OPTIONS_VERSION)
    return FG_EVERSION;
  if ((uint64_t)g->n[FG_TABLE_FILMS] + g->n[FG_TABLE_PEOPLE] >= 0xFFFFFFFFu)
    return FG_ELIMIT;
  q->g = g;
  q->o = opts ? opts : &defaults;
  q->all_roles = fg__all_roles(q->o->role_mask);
  q->nf = (uint32_t)g->n[FG_TABLE_FILMS];
  uint32_t ends[2];
  int rc = to_index(g, from, &ends[0]);
  if (!rc)
    rc = to_index(g, to, &ends[1]);
  if (rc)
    return rc;
  q->ix = fg__index_get(g, &rc);
  if (!q->ix)
    return rc;
  q->best_len = SIZE_MAX;
  size_t lo[2] = {0, 0}, hi[2];
  for (int s = 0; s < 2 && !rc; s++) {
    q->sides[s].a = &g->alloc;
    q->sides[s].nodes = q->nf + g->n[FG_TABLE_PEOPLE];
    /* Most searches reach thousands of nodes: start the table at 2,048
     * entries (32 KiB) rather than grow it from 16 a doubling at a time.
     * Measured side by side at 1M titles, 3,000 pairs: 512 entries doubling
     * gave a median path of 0.08 ms, p99 1.1 ms; 2,048 growing four-fold
     * 0.06 ms, p99 0.78 ms; 16,384 0.06 ms, p99 0.87 ms but 5.7 us for a
     * one-step query (zeroing 512 KiB) against 1.4 us. */
    rc = fg__slots_reserve(&g->alloc, &q->sides[s].slots, &q->sides[s].nslots, 2048);
    reached start = {ends[s], FG_ID_NONE, 0, 0, 0};
    if (!rc)
      rc = side_add(&q->sides[s], start);
    hi[s] = 1;
  }
  if (!rc && ends[0] == ends[1])
    q->best_len = 0, q->meet[0] = q->meet[1] = 0;
  uint32_t depth[2] = {0, 0};
  size_t limit = q->o->max_steps ? q->o->max_steps : SIZE_MAX;
  uint64_t cost[2] = {rc ? 0 : measure_frontier(q, 0, 0, 1),
                      rc ? 0 : measure_frontier(q, 1, 0, 1)};
  /* A level at a time from the side whose frontier has fewer edges to look
   * at. The first meeting is a shortest path: the graph is undirected (a
   * credit or relation is followed both ways, under the same masks), and
   * before this level no node was on both sides, so a node of the other
   * side next to this side's frontier is in the other side's frontier (had
   * it been expanded, its neighbour here would be on both sides). Every
   * meeting of the level therefore has the same length. */
  while (!rc && q->best_len == SIZE_MAX && lo[0] < hi[0] && lo[1] < hi[1] &&
         (size_t)depth[0] + depth[1] < limit) {
    int s = cost[0] <= cost[1] ? 0 : 1;
    q->frontier_start[0] = lo[0], q->frontier_start[1] = lo[1];
    rc = expand(q, s, lo[s], hi[s]);
    lo[s] = hi[s];
    hi[s] = q->sides[s].count;
    depth[s]++;
    if (!rc)
      cost[s] = measure_frontier(q, s, lo[s], hi[s]);
  }
  if (rc == MET)
    rc = FG_OK;
  if (!rc && (q->best_len == SIZE_MAX || q->best_len > limit))
    rc = FG_ENOTFOUND;
  return rc;
}

static void search_free(search *q) {
  side_free(&q->sides[0]);
  side_free(&q->sides[1]);
}

int fg_graph_shortest_path(const fg_graph *g, uint64_t from, uint64_t to,
                           const fg_path_options *opts, fg_path **out) {
  if (out)
    *out = NULL;
  if (!g || !out)
    return FG_EINVAL;
  search q;
  int rc = search_run(&q, g, from, to, opts);
  if (!rc)
    rc = make_path(&q, out);
  search_free(&q);
  return rc;
}

int fg_graph_distance(const fg_graph *g, uint64_t from, uint64_t to, const fg_path_options *opts,
                      uint32_t *steps) {
  if (steps)
    *steps = 0;
  if (!g || !steps)
    return FG_EINVAL;
  search q;
  int rc = search_run(&q, g, from, to, opts);
  if (!rc)
    *steps = (uint32_t)q.best_len;
  search_free(&q);
  return rc;
}

/* ---- Everyone within k steps ------------------------------------------------ */

/* The nodes a one-sided search has reached: a hash set while few, a bitmap
 * over all nodes once past 1/64 of them (a bit a node: the whole graph's
 * set stays in cache where an array of indexes would not). No parents or
 * depths: the queue's levels give the distances. */
typedef struct nodeset {
  const fg__alloc *a;
  fg__slot *slots;
  size_t nslots, count, nodes;
  uint64_t *bits;
} nodeset;

static int nodeset_go_bits(nodeset *s) {
  uint64_t *bits = bitmap_new(s->a, s->nodes);
  if (!bits)
    return FG_ENOMEM;
  for (size_t i = 0; i < s->nslots; i++)
    if (s->slots[i].val)
      bit_set(bits, s->slots[i].val - 1);
  fg__free(s->a, s->slots);
  s->slots = NULL;
  s->nslots = 0;
  s->bits = bits;
  return FG_OK;
}

/* Add `node`: 1 if it was new, 0 if already there, or an error (< 0). */
static int nodeset_add(nodeset *s, uint32_t node) {
  if (s->bits) {
    if (bit_test(s->bits, node))
      return 0;
    bit_set(s->bits, node);
    s->count++;
    return 1;
  }
  int rc;
  if (s->count + 1 > s->nodes / 64 + 1024) {
    if ((rc = nodeset_go_bits(s)))
      return rc;
    return nodeset_add(s, node);
  }
  if ((rc = fg__slots_reserve(s->a, &s->slots, &s->nslots, s->count + 1)))
    return rc;
  /* val is node + 1 (nodes < 2^32 - 1: checked by the caller). */
  uint32_t h = fg__mix32(node);
  size_t i = fg__id_slot(s->slots, s->nslots, h);
  if (s->slots[i].val)
    return 0;
  s->slots[i].val = node + 1;
  s->slots[i].hash = h;
  s->count++;
  return 1;
}

typedef struct within {
  const fg_graph *g;
  const fg__index *ix;
  const fg_path_options *o;
  uint32_t nf;
  nodeset seen;
  uint32_t *queue; /* nodes in the order reached: distance 0, 1, 2, ... */
  size_t count, cap;
  uint64_t *frontier; /* bottom-up levels: the nodes of the level, a bit each */
} within;

static int within_offer(within *w, uint32_t node) {
  int added = nodeset_add(&w->seen, node);
  if (added <= 0)
    return added;
  if (w->count == w->cap) {
    void *q = w->queue;
    int rc = fg__reserve(w->seen.a, &q, &w->cap, w->count + 1, sizeof *w->queue);
    if (rc)
      return rc;
    w->queue = q;
  }
  w->queue[w->count++] = node;
  return FG_OK;
}

static int within_expand(within *w, uint32_t u) {
  const fg_graph *g = w->g;
  const fg__index *ix = w->ix;
  uint32_t roles = w->o->role_mask;
  int rc = FG_OK;
  if (u < w->nf) {
    uint32_t end = ix->film_credit_start[u + 1];
    for (uint32_t k = ix->film_credit_start[u]; k < end && rc >= 0; k++) {
      const fg__credit *c = &g->credits[FG__CSR_ITEM(ix->film_credit, k)];
      if (roles & FG_ROLE_MASK(c->role))
        rc = within_offer(w, w->nf + c->person);
    }
    for (int dir = 0; dir < 2 && rc >= 0 && w->o->rel_mask; dir++) {
      fg__range rels = fg__rels(ix, u, dir);
      const uint32_t *items = rels.items;
      for (uint32_t k = rels.begin; k < rels.end && rc >= 0; k++) {
        const fg__relation *r = &g->relations[items[k]];
        if (w->o->rel_mask & FG_REL_MASK(r->type))
          rc = within_offer(w, dir ? r->from : r->to);
      }
    }
  } else {
    uint32_t p = u - w->nf, end = ix->person_credit_start[p + 1];
    int all = fg__all_roles(roles);
    for (uint32_t k = ix->person_credit_start[p]; k < end && rc >= 0; k++)
      if (fg__person_entry_ok(ix, k, roles, all))
        rc = within_offer(w, ix->person_film[k]);
  }
  return rc < 0 ? rc : FG_OK;
}

static int in_frontier(const within *w, uint32_t node) { return bit_test(w->frontier, node); }

/* Bottom-up: is unvisited node v next to the frontier? It then joins the
 * next level. Reads v's own row only, in id order, and stops at the first
 * neighbour found. */
static int touches_frontier(const within *w, uint32_t v, int all) {
  const fg_graph *g = w->g;
  const fg__index *ix = w->ix;
  if (v < w->nf) {
    for (uint32_t k = ix->film_credit_start[v]; k < ix->film_credit_start[v + 1]; k++) {
      const fg__credit *c = &g->credits[FG__CSR_ITEM(ix->film_credit, k)];
      if ((w->o->role_mask & FG_ROLE_MASK(c->role)) && in_frontier(w, w->nf + c->person))
        return 1;
    }
    for (int dir = 0; dir < 2 && w->o->rel_mask; dir++) {
      fg__range rels = fg__rels(ix, v, dir);
      for (uint32_t k = rels.begin; k < rels.end; k++) {
        const fg__relation *r = &g->relations[rels.items[k]];
        if ((w->o->rel_mask & FG_REL_MASK(r->type)) && in_frontier(w, dir ? r->from : r->to))
          return 1;
      }
    }
    return 0;
  }
  uint32_t p = v - w->nf;
  for (uint32_t k = ix->person_credit_start[p]; k < ix->person_credit_start[p + 1]; k++)
    if (in_frontier(w, ix->person_film[k]) &&
        fg__person_entry_ok(ix, k, w->o->role_mask, all))
      return 1;
  return 0;
}

/* One level bottom-up: the frontier is queue[lo, hi); every unvisited node
 * (films only if the frontier has people or relations count, people only
 * if it has films) next to it is added. The set must be a bitmap. */
static int within_bottom_up(within *w, size_t lo, size_t hi) {
  size_t words = w->seen.nodes / 64 + 1;
  memset(w->frontier, 0, words * sizeof *w->frontier);
  int has_films = 0, has_people = 0;
  for (size_t e = lo; e < hi; e++) {
    uint32_t u = w->queue[e];
    bit_set(w->frontier, u);
    if (u < w->nf)
      has_films = 1;
    else
      has_people = 1;
  }
  size_t from = has_people || w->o->rel_mask ? 0 : w->nf;
  size_t to = has_films ? w->seen.nodes : w->nf;
  int all = fg__all_roles(w->o->role_mask);
  for (size_t i = from / 64; i <= (to - 1) / 64 && from < to; i++) {
    uint64_t unseen = ~w->seen.bits[i];
    while (unseen) {
      uint32_t v = (uint32_t)(i * 64 + FG__CTZ64(unseen));
      unseen &= unseen - 1;
      if (v < from || v >= to || !touches_frontier(w, v, all))
        continue;
      int rc = within_offer(w, v);
      if (rc < 0)
        return rc;
    }
  }
  return FG_OK;
}

/* Sort ids ascending: LSD radix, a byte a pass, skipping passes where
 * every id has the same byte. `tmp` holds n ids. */
static void sort_ids(uint32_t *ids, uint32_t *tmp, size_t n) {
  uint32_t *src = ids, *dst = tmp;
  for (int shift = 0; shift < 32; shift += 8) {
    size_t count[256] = {0};
    for (size_t i = 0; i < n; i++)
      count[(src[i] >> shift) & 0xFF]++;
    if (count[(src[0] >> shift) & 0xFF] == n)
      continue;
    size_t sum = 0;
    for (int b = 0; b < 256; b++) {
      size_t c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++)
      dst[count[(src[i] >> shift) & 0xFF]++] = src[i];
    uint32_t *t = src;
    src = dst;
    dst = t;
  }
  if (src != ids)
    memcpy(ids, src, n * sizeof *ids);
}

int fg_graph_people_within(const fg_graph *g, uint64_t from, uint32_t steps,
                           const fg_path_options *opts, fg_idlist **out) {
  if (out)
    *out = NULL;
  if (!g || !out)
    return FG_EINVAL;
  fg_path_options defaults = FG_PATH_OPTIONS_INIT;
  if (opts && opts->version != FG_PATH_OPTIONS_VERSION)
    return FG_EVERSION;
  if ((uint64_t)g->n[FG_TABLE_FILMS] + g->n[FG_TABLE_PEOPLE] >= 0xFFFFFFFFu)
    return FG_ELIMIT;
  within w;
  memset(&w, 0, sizeof w);
  w.g = g;
  w.o = opts ? opts : &defaults;
  w.nf = (uint32_t)g->n[FG_TABLE_FILMS];
  w.seen.a = &g->alloc;
  w.seen.nodes = w.nf + g->n[FG_TABLE_PEOPLE];
  uint32_t start;
  int rc = to_index(g, from, &start);
  if (rc)
    return rc;
  w.ix = fg__index_get(g, &rc);
  if (!w.ix)
    return rc;
  rc = within_offer(&w, start);
  /* Level d is queue[level_start[d] .. level_start[d + 1]); people only
   * are listed, a level at a time, sorted by id within it. */
  fg_idlist *l = rc ? NULL : fg__idlist_new(&g->alloc);
  if (!rc && !l)
    rc = FG_ENOMEM;
  size_t lo = 0, hi = w.count;
  uint32_t *tmp = NULL;
  size_t cap_tmp = 0;
  size_t *level_end = NULL, nlevels = 1, cap_levels = 0; /* level 0: the start, no people */
  for (uint32_t d = 0; !rc && lo < hi; d++) {
    if (d > 0) { /* list the people of level d */
      size_t first = l->count;
      for (size_t e = lo; e < hi && !rc; e++)
        if (w.queue[e] >= w.nf)
          rc = fg__idlist_push(l, w.queue[e] - w.nf);
      size_t n = l->count - first;
      if (!rc && n > 1 && n > cap_tmp) {
        fg__free(&g->alloc, tmp);
        cap_tmp = n;
        if (!(tmp = fg__malloc(&g->alloc, n * sizeof *tmp)))
          rc = FG_ENOMEM;
      }
      if (!rc && n > 1)
        sort_ids(l->ids + first, tmp, n);
      if (!rc && n) { /* remember where level d's people end */
        void *ends = level_end;
        if (!(rc = fg__reserve(&g->alloc, &ends, &cap_levels, d + 1, sizeof *level_end))) {
          level_end = ends;
          while (nlevels < d) /* levels without people */
            level_end[nlevels++] = first;
          level_end[nlevels++] = l->count;
        }
      }
    }
    if (d == steps)
      break;
    /* Top-down (expand each frontier node) while the frontier is small;
     * bottom-up (look for a frontier neighbour of each unvisited node) once
     * it is a fair part of what is left, where most edges top-down would
     * look at lead to nodes already seen (Beamer et al., "Direction-
     * optimizing breadth-first search", SC 2012). */
    size_t unvisited = w.seen.nodes - w.seen.count;
    if ((hi - lo) * 14 > unvisited && w.seen.count > 1024) {
      if (!w.seen.bits)
        rc = nodeset_go_bits(&w.seen);
      if (!rc && !w.frontier && !(w.frontier = bitmap_new(&g->alloc, w.seen.nodes)))
        rc = FG_ENOMEM;
      if (!rc)
        rc = within_bottom_up(&w, lo, hi);
    } else {
      for (size_t e = lo; e < hi && !rc; e++)
        rc = within_expand(&w, w.queue[e]);
    }
    lo = hi;
    hi = w.count;
  }
  /* Each person's weight is its distance. */
  if (!rc && l->count && !(l->weights = fg__malloc(&g->alloc, l->cap * sizeof *l->weights)))
    rc = FG_ENOMEM;
  for (size_t d = 1, i = 0; !rc && d < nlevels; d++)
    for (; i < level_end[d]; i++)
      l->weights[i] = (uint32_t)d;
  fg__free(&g->alloc, level_end);
  fg__free(&g->alloc, tmp);
  fg__free(&g->alloc, w.queue);
  fg__free(&g->alloc, w.seen.slots);
  fg__free(&g->alloc, w.seen.bits);
  fg__free(&g->alloc, w.frontier);
  if (rc) {
    fg_idlist_free(l);
    return rc;
  }
  *out = l;
  return FG_OK;
}

size_t fg_path_count(const fg_path *p) { return p ? p->count : 0; }

uint64_t fg_path_node(const fg_path *p, size_t index) {
  return p && index < p->count ? p->nodes[index] : FG_NODE(0xFFFFFFFFu, 0);
}

int fg_path_step(const fg_path *p, size_t index, int *kind, fg_id *id) {
  if (!p || !kind || !id)
    return FG_EINVAL;
  if (index + 1 >= p->count)
    return FG_ENOTFOUND;
  *kind = (int)p->step_kind[index];
  *id = p->step_id[index];
  return FG_OK;
}

void fg_path_free(fg_path *p) {
  if (!p)
    return;
  fg__alloc a = p->alloc;
  fg__free(&a, p->nodes);
  fg__free(&a, p->step_kind);
  fg__free(&a, p->step_id);
  fg__free(&a, p);
}

/* ---- Walks ------------------------------------------------------------------ */

struct fg_walk {
  const fg_graph *g;
  const fg__index *ix;
  fg_walk_options o;
  uint32_t nf;
  side seen;          /* nodes visited (BFS: queued), by index */
  size_t next;        /* BFS: the next entry of seen.list to hand out */
  reached *stack;     /* DFS: nodes to visit, the top last */
  size_t nstack, cap_stack;
};

/* Offer neighbour `node` at `depth`: BFS queues it once; DFS stacks it
 * (visited when popped, so the order is a true pre-order). */
static int walk_offer(fg_walk *w, uint32_t node, uint32_t depth) {
  if (side_has(&w->seen, node))
    return FG_OK;
  reached r = {node, FG_ID_NONE, 0, 0, depth};
  if (w->o.order == FG_WALK_BFS)
    return side_add(&w->seen, r);
  void *st = w->stack;
  int rc = fg__reserve(&w->g->alloc, &st, &w->cap_stack, w->nstack + 1, sizeof *w->stack);
  if (rc)
    return rc;
  w->stack = st;
  w->stack[w->nstack++] = r;
  return FG_OK;
}

/* Offer the neighbours of node u (at depth d), in reverse order for DFS so
 * that the first neighbour is visited first. */
static int walk_expand(fg_walk *w, uint32_t u, uint32_t d) {
  if (w->o.max_depth && d >= w->o.max_depth)
    return FG_OK;
  const fg_graph *g = w->g;
  const fg__index *ix = w->ix;
  size_t before = w->nstack;
  int rc = FG_OK;
  if (u < w->nf) {
    for (uint32_t k = ix->film_credit_start[u]; k < ix->film_credit_start[u + 1] && !rc; k++) {
      const fg__credit *c = &g->credits[FG__CSR_ITEM(ix->film_credit, k)];
      if (w->o.role_mask & FG_ROLE_MASK(c->role))
        rc = walk_offer(w, w->nf + c->person, d + 1);
    }
    for (int dir = 0; dir < 2 && !rc; dir++) {
      if (!(w->o.direction & (dir ? FG_DIR_IN : FG_DIR_OUT)))
        continue;
      fg__range rels = fg__rels(ix, u, dir);
      const uint32_t *items = rels.items;
      for (uint32_t k = rels.begin; k < rels.end && !rc; k++) {
        const fg__relation *r = &g->relations[items[k]];
        if (w->o.rel_mask & FG_REL_MASK(r->type))
          rc = walk_offer(w, dir ? r->from : r->to, d + 1);
      }
    }
  } else {
    uint32_t p = u - w->nf;
    int all = fg__all_roles(w->o.role_mask);
    for (uint32_t k = ix->person_credit_start[p]; k < ix->person_credit_start[p + 1] && !rc; k++)
      if (fg__person_entry_ok(ix, k, w->o.role_mask, all))
        rc = walk_offer(w, ix->person_film[k], d + 1);
  }
  for (size_t i = before, j = w->nstack; !rc && j > i + 1; i++, j--) {
    reached t = w->stack[i];
    w->stack[i] = w->stack[j - 1];
    w->stack[j - 1] = t;
  }
  return rc;
}

int fg_walk_new(const fg_graph *g, uint64_t start, const fg_walk_options *opts, fg_walk **out) {
  if (out)
    *out = NULL;
  if (!g || !out)
    return FG_EINVAL;
  fg_walk_options defaults = FG_WALK_OPTIONS_INIT;
  if (opts && opts->version != FG_WALK_OPTIONS_VERSION)
    return FG_EVERSION;
  if (!opts)
    opts = &defaults;
  if ((opts->order != FG_WALK_BFS && opts->order != FG_WALK_DFS) || opts->direction < FG_DIR_OUT ||
      opts->direction > FG_DIR_BOTH)
    return FG_EINVAL;
  uint32_t u;
  int rc = to_index(g, start, &u);
  if (rc)
    return rc;
  const fg__index *ix = fg__index_get(g, &rc);
  if (!ix)
    return rc;
  fg_walk *w = fg__malloc(&g->alloc, sizeof *w);
  if (!w)
    return FG_ENOMEM;
  memset(w, 0, sizeof *w);
  w->g = g;
  w->ix = ix;
  w->o = *opts;
  w->nf = (uint32_t)g->n[FG_TABLE_FILMS];
  w->seen.a = &g->alloc;
  w->seen.nodes = w->nf + g->n[FG_TABLE_PEOPLE];
  rc = walk_offer(w, u, 0);
  if (rc) {
    fg_walk_free(w);
    return rc;
  }
  *out = w;
  return FG_OK;
}

int fg_walk_next(fg_walk *w, uint64_t *node, uint32_t *depth) {
  if (!w || !node || !depth)
    return FG_EINVAL;
  reached r;
  if (w->o.order == FG_WALK_BFS) {
    if (w->next >= w->seen.count)
      return FG_ITEROVER;
    r = w->seen.list[w->next++];
  } else {
    do { /* a node may sit on the stack twice: skip it if already seen */
      if (!w->nstack)
        return FG_ITEROVER;
      r = w->stack[--w->nstack];
    } while (side_has(&w->seen, r.node));
    int rc = side_add(&w->seen, r);
    if (rc)
      return rc;
  }
  int rc = walk_expand(w, r.node, r.depth);
  if (rc)
    return rc;
  *node = to_node_nf(w->nf, r.node);
  *depth = r.depth;
  return FG_OK;
}

void fg_walk_free(fg_walk *w) {
  if (!w)
    return;
  fg__alloc a = w->g->alloc;
  side_free(&w->seen);
  fg__free(&a, w->stack);
  fg__free(&a, w);
}

int fg_graph_walk(const fg_graph *g, uint64_t start, const fg_walk_options *opts,
                  fg_visit_fn fn, void *payload) {
  if (!fn)
    return FG_EINVAL;
  fg_walk *w;
  int rc = fg_walk_new(g, start, opts, &w);
  if (rc)
    return rc;
  uint64_t node;
  uint32_t depth;
  while ((rc = fg_walk_next(w, &node, &depth)) == FG_OK) {
    if (fn(node, depth, payload)) {
      rc = FG_ESTOP;
      break;
    }
  }
  fg_walk_free(w);
  return rc == FG_ITEROVER ? FG_OK : rc;
}
