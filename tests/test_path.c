/* Shortest paths between people and films: the sample's question, a check
 * against a plain breadth-first search on random graphs, limits, errors. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every step of the path joins the nodes on either side of it, through a
 * credit whose role is in role_mask or a relation whose type is in
 * rel_mask; a credit step names the first such credit of its person on
 * its film (the one a search reaches the film by). */
static void check_path_masks(const fg_graph *g, const fg_path *p, uint32_t role_mask,
                             uint32_t rel_mask) {
  for (size_t i = 0; i + 1 < fg_path_count(p); i++) {
    uint64_t a = fg_path_node(p, i), b = fg_path_node(p, i + 1);
    int kind;
    fg_id id;
    assert_int_equal(fg_path_step(p, i, &kind, &id), FG_OK);
    if (kind == FG_STEP_CREDIT) {
      fg_credit c = FG_CREDIT_INIT;
      assert_int_equal(fg_graph_credit(g, id, &c), FG_OK);
      uint64_t film = FG_NODE(FG_NODE_FILM, c.film), person = FG_NODE(FG_NODE_PERSON, c.person);
      assert_true((a == film && b == person) || (a == person && b == film));
      assert_true(role_mask & FG_ROLE_MASK(c.role));
      fg_idlist *on_film = NULL;
      assert_int_equal(fg_film_credits(g, c.film, role_mask, &on_film), FG_OK);
      for (size_t k = 0; k < fg_idlist_count(on_film); k++) {
        fg_credit e = FG_CREDIT_INIT;
        assert_int_equal(fg_graph_credit(g, fg_idlist_get(on_film, k), &e), FG_OK);
        assert_false(e.person == c.person && fg_idlist_get(on_film, k) < id);
      }
      fg_idlist_free(on_film);
    } else {
      assert_int_equal(kind, FG_STEP_RELATION);
      fg_relation r = FG_RELATION_INIT;
      assert_int_equal(fg_graph_relation(g, id, &r), FG_OK);
      uint64_t x = FG_NODE(FG_NODE_FILM, r.from), y = FG_NODE(FG_NODE_FILM, r.to);
      assert_true((a == x && b == y) || (a == y && b == x));
      assert_true(rel_mask & FG_REL_MASK(r.type));
    }
  }
  int kind;
  fg_id id;
  assert_int_equal(fg_path_step(p, fg_path_count(p) - 1, &kind, &id), FG_ENOTFOUND);
}

static void check_path(const fg_graph *g, const fg_path *p) {
  check_path_masks(g, p, FG_ROLES_ALL, FG_RELS_ALL);
}

static void test_sample_path(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_load_sample(g);
  fg_id lee, oz;
  assert_int_equal(fg_graph_find_person(g, "lee-hwan-kyung", &lee), FG_OK);
  assert_int_equal(fg_graph_find_person(g, "mehmet-ada-oztekin", &oz), FG_OK);
  fg_path *p = NULL;
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_PERSON, lee),
                                          FG_NODE(FG_NODE_PERSON, oz), NULL, &p),
                   FG_OK);
  /* Lee directed the 2013 film, which the Turkish film remakes, which
   * Öztekin directed. */
  assert_int_equal(fg_path_count(p), 4);
  assert_true(fg_path_node(p, 0) == FG_NODE(FG_NODE_PERSON, lee));
  assert_true(fg_path_node(p, 1) ==
              FG_NODE(FG_NODE_FILM, fgt_find_film(g, "miracle-in-cell-no-7-2013")));
  assert_true(fg_path_node(p, 2) ==
              FG_NODE(FG_NODE_FILM, fgt_find_film(g, "miracle-in-cell-no-7-2019-tr")));
  assert_true(fg_path_node(p, 3) == FG_NODE(FG_NODE_PERSON, oz));
  int kind;
  fg_id id;
  assert_int_equal(fg_path_step(p, 1, &kind, &id), FG_OK);
  assert_int_equal(kind, FG_STEP_RELATION);
  check_path(g, p);
  fg_path_free(p);
  /* Through credits only there is no way from one to the other. */
  fg_path_options opts = FG_PATH_OPTIONS_INIT;
  opts.rel_mask = 0;
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_PERSON, lee),
                                          FG_NODE(FG_NODE_PERSON, oz), &opts, &p),
                   FG_ENOTFOUND);
  assert_null(p);
  /* max_steps */
  opts = (fg_path_options)FG_PATH_OPTIONS_INIT;
  opts.max_steps = 2;
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_PERSON, lee),
                                          FG_NODE(FG_NODE_PERSON, oz), &opts, &p),
                   FG_ENOTFOUND);
  opts.max_steps = 3;
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_PERSON, lee),
                                          FG_NODE(FG_NODE_PERSON, oz), &opts, &p),
                   FG_OK);
  fg_path_free(p);
  /* A node to itself. */
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_PERSON, lee),
                                          FG_NODE(FG_NODE_PERSON, lee), NULL, &p),
                   FG_OK);
  assert_int_equal(fg_path_count(p), 1);
  fg_path_free(p);
  /* Errors. */
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(7, 0), FG_NODE(FG_NODE_FILM, 0), NULL, &p),
                   FG_EINVAL);
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_FILM, 999999),
                                          FG_NODE(FG_NODE_FILM, 0), NULL, &p),
                   FG_ENOTFOUND);
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_FILM, 0), FG_NODE(FG_NODE_FILM, 1),
                                          NULL, NULL),
                   FG_EINVAL);
  opts.version = 99;
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_FILM, 0), FG_NODE(FG_NODE_FILM, 1),
                                          &opts, &p),
                   FG_EVERSION);
  assert_int_equal(fg_path_count(NULL), 0);
  fg_graph_free(g);
}

/* Plain one-sided BFS over the same edges: the length of a shortest path,
 * or -1. Nodes: films 0..nf-1, people nf... */
static int plain_bfs(const fg_graph *g, size_t nf, size_t np, size_t from, size_t to,
                     uint32_t role_mask, uint32_t rel_mask) {
  size_t n = nf + np;
  int *dist = malloc(n * sizeof *dist);
  size_t *queue = malloc(n * sizeof *queue), qh = 0, qt = 0;
  for (size_t i = 0; i < n; i++)
    dist[i] = -1;
  dist[from] = 0;
  queue[qt++] = from;
  size_t nc = fg_graph_count(g, FG_TABLE_CREDITS), nr = fg_graph_count(g, FG_TABLE_RELATIONS);
  while (qh < qt) {
    size_t u = queue[qh++];
    for (fg_id c = 0; c < nc; c++) {
      fg_credit cr = FG_CREDIT_INIT;
      fg_graph_credit(g, c, &cr);
      if (!(role_mask & FG_ROLE_MASK(cr.role)))
        continue;
      size_t f = cr.film, p = nf + cr.person, v = u == f ? p : u == p ? f : SIZE_MAX;
      if (v != SIZE_MAX && dist[v] < 0)
        dist[v] = dist[u] + 1, queue[qt++] = v;
    }
    for (fg_id r = 0; r < nr && u < nf; r++) {
      fg_relation rel = FG_RELATION_INIT;
      fg_graph_relation(g, r, &rel);
      if (!(rel_mask & FG_REL_MASK(rel.type)))
        continue;
      size_t v = u == rel.from ? rel.to : u == rel.to ? rel.from : SIZE_MAX;
      if (v != SIZE_MAX && dist[v] < 0)
        dist[v] = dist[u] + 1, queue[qt++] = v;
    }
  }
  int d = dist[to];
  free(dist);
  free(queue);
  return d;
}

static void test_random_graphs_match_plain_bfs(void **state) {
  (void)state;
  uint64_t seed = 42;
  for (int round = 0; round < 25; round++) {
    fg_graph *g = fgt_graph(NULL);
    size_t nf = 12, np = 12;
    char key[16];
    for (size_t i = 0; i < nf; i++) {
      snprintf(key, sizeof key, "f%zu", i);
      fgt_film(g, key, key, 2000);
    }
    for (size_t i = 0; i < np; i++) {
      snprintf(key, sizeof key, "p%zu", i);
      fgt_person(g, key, key);
    }
    int edges = 6 + round % 14;
    for (int e = 0; e < edges; e++) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      fg_id f = (fg_id)((seed >> 33) % nf), p = (fg_id)((seed >> 45) % np);
      if ((seed >> 20) % 3 == 0) {
        fg_id f2 = (fg_id)((seed >> 50) % nf);
        if (f2 != f)
          fgt_relation(g, f, (seed >> 10) % 2 ? FG_REL_REMAKE_OF : FG_REL_FOLLOWS, f2, 0);
      } else { /* several credits of one person on one film, in several roles */
        static const int roles[] = {FG_ROLE_ACTOR, FG_ROLE_DIRECTOR, FG_ROLE_WRITER};
        fgt_credit(g, f, p, roles[(seed >> 5) % 3], 0);
        if ((seed >> 8) % 4 == 0)
          fgt_credit(g, f, p, roles[(seed >> 12) % 3], 0);
      }
    }
    uint32_t masks[2] = {FG_RELS_ALL, FG_REL_MASK(FG_REL_REMAKE_OF)};
    uint32_t role_masks[2] = {FG_ROLES_ALL,
                              FG_ROLE_MASK(FG_ROLE_DIRECTOR) | FG_ROLE_MASK(FG_ROLE_ACTOR)};
    for (int m = 0; m < 4; m++) {
      fg_path_options opts = FG_PATH_OPTIONS_INIT;
      opts.rel_mask = masks[m % 2];
      opts.role_mask = role_masks[m / 2];
      for (size_t a = 0; a < nf + np; a++) {
        for (size_t b = 0; b < nf + np; b++) {
          uint64_t na = a < nf ? FG_NODE(FG_NODE_FILM, a) : FG_NODE(FG_NODE_PERSON, a - nf);
          uint64_t nb = b < nf ? FG_NODE(FG_NODE_FILM, b) : FG_NODE(FG_NODE_PERSON, b - nf);
          fg_path *p = NULL;
          int rc = fg_graph_shortest_path(g, na, nb, &opts, &p);
          int want = plain_bfs(g, nf, np, a, b, opts.role_mask, opts.rel_mask);
          if (want < 0) {
            assert_int_equal(rc, FG_ENOTFOUND);
            continue;
          }
          assert_int_equal(rc, FG_OK);
          assert_int_equal((int)fg_path_count(p) - 1, want);
          assert_true(fg_path_node(p, 0) == na);
          assert_true(fg_path_node(p, fg_path_count(p) - 1) == nb);
          check_path_masks(g, p, opts.role_mask, opts.rel_mask);
          fg_path_free(p);
        }
      }
    }
    fg_graph_free(g);
  }
}

/* A chain 100,000 films long, end to end: no recursion, right length. */
static void test_long_chain(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  enum { N = 100000 };
  char key[32];
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof key, "f%d", i);
    fgt_film(g, key, key, 0);
    if (i)
      fgt_relation(g, (fg_id)i, FG_REL_REMAKE_OF, (fg_id)(i - 1), 0);
  }
  fg_path *p = NULL;
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_FILM, 0),
                                          FG_NODE(FG_NODE_FILM, N - 1), NULL, &p),
                   FG_OK);
  assert_int_equal(fg_path_count(p), N);
  fg_path_free(p);
  fg_graph_free(g);
}

static void test_people_within(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id f1 = fgt_film(g, "f1", "F1", 2001), f2 = fgt_film(g, "f2", "F2", 2002);
  fg_id f3 = fgt_film(g, "f3", "F3", 2003);
  fg_id p = fgt_person(g, "p", "P"), a = fgt_person(g, "a", "A"), b = fgt_person(g, "b", "B");
  fg_id c = fgt_person(g, "c", "C"), d = fgt_person(g, "d", "D");
  fgt_credit(g, f1, p, FG_ROLE_DIRECTOR, 0);
  fgt_credit(g, f1, b, FG_ROLE_ACTOR, 1);
  fgt_credit(g, f1, a, FG_ROLE_ACTOR, 2);
  fgt_credit(g, f2, a, FG_ROLE_ACTOR, 1);
  fgt_credit(g, f2, c, FG_ROLE_ACTOR, 2);
  fgt_credit(g, f3, d, FG_ROLE_ACTOR, 1);
  fgt_relation(g, f3, FG_REL_REMAKE_OF, f1, 0);
  fg_idlist *l = NULL;
  /* 2 steps: the people of f1 (a, b), by id. */
  assert_int_equal(fg_graph_people_within(g, FG_NODE(FG_NODE_PERSON, p), 2, NULL, &l), FG_OK);
  fg_id two[] = {a, b};
  assert_int_equal(fg_idlist_count(l), 2);
  assert_int_equal(fg_idlist_get(l, 0), two[0]);
  assert_int_equal(fg_idlist_get(l, 1), two[1]);
  assert_int_equal(fg_idlist_weight(l, 0), 2);
  fg_idlist_free(l);
  /* 3 steps reach d through the remake (f1 -> f3 -> d); 4 reach c too. */
  assert_int_equal(fg_graph_people_within(g, FG_NODE(FG_NODE_PERSON, p), 3, NULL, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 3);
  assert_int_equal(fg_idlist_get(l, 2), d);
  assert_int_equal(fg_idlist_weight(l, 2), 3);
  fg_idlist_free(l);
  assert_int_equal(fg_graph_people_within(g, FG_NODE(FG_NODE_PERSON, p), 4, NULL, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 4);
  assert_int_equal(fg_idlist_get(l, 3), c);
  assert_int_equal(fg_idlist_weight(l, 3), 4);
  fg_idlist_free(l);
  /* Without relations, d is out of reach. */
  fg_path_options opts = FG_PATH_OPTIONS_INIT;
  opts.rel_mask = 0;
  assert_int_equal(fg_graph_people_within(g, FG_NODE(FG_NODE_PERSON, p), 10, &opts, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 3);
  fg_idlist_free(l);
  /* From a film: its people at 1 step. */
  assert_int_equal(fg_graph_people_within(g, FG_NODE(FG_NODE_FILM, f2), 1, NULL, &l), FG_OK);
  fg_id f2people[] = {a, c};
  assert_int_equal(fg_idlist_count(l), 2);
  assert_int_equal(fg_idlist_get(l, 0), f2people[0]);
  assert_int_equal(fg_idlist_get(l, 1), f2people[1]);
  fg_idlist_free(l);
  assert_int_equal(fg_graph_people_within(g, FG_NODE(FG_NODE_PERSON, p), 0, NULL, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 0);
  fg_idlist_free(l);
  assert_int_equal(fg_graph_people_within(g, FG_NODE(FG_NODE_PERSON, 99), 2, NULL, &l),
                   FG_ENOTFOUND);
  fg_graph_free(g);
}

/* A graph large enough that searches move to their dense arrays: lengths
 * still match a plain BFS (over adjacency lists built here). */
/* Plain BFS over the test's own adjacency (edge kinds: 0 relation, 1 actor
 * credit, 2 director credit), skipping director credits unless asked. */
static void plain_bfs_adj(const int *start, const int *adj, const int *kind, int n, int from,
                          int directors, int *dist, int *queue) {
  for (int v = 0; v < n; v++)
    dist[v] = -1;
  int qh = 0, qt = 0;
  dist[from] = 0, queue[qt++] = from;
  while (qh < qt) {
    int u = queue[qh++];
    for (int k = start[u]; k < start[u + 1]; k++)
      if (dist[adj[k]] < 0 && (directors || kind[k] != 2))
        dist[adj[k]] = dist[u] + 1, queue[qt++] = adj[k];
  }
}

/* fg_graph_people_within(from, steps) against dist[]: the same people,
 * weighted by distance, nearest first and by id within a distance. */
static void expect_within(const fg_graph *g, uint64_t from, uint32_t steps,
                          const fg_path_options *o, const int *dist, int nf, int np, int self) {
  fg_idlist *near = NULL;
  assert_int_equal(fg_graph_people_within(g, from, steps, o, &near), FG_OK);
  size_t want = 0;
  for (int v = nf; v < nf + np; v++)
    want += v != self && dist[v] > 0 && (uint32_t)dist[v] <= steps;
  assert_int_equal(fg_idlist_count(near), want);
  for (size_t i = 0; i < fg_idlist_count(near); i++) {
    assert_int_equal((int)fg_idlist_weight(near, i), dist[nf + fg_idlist_get(near, i)]);
    if (i > 0) {
      uint32_t w0 = fg_idlist_weight(near, i - 1), w1 = fg_idlist_weight(near, i);
      assert_true(w0 < w1 || (w0 == w1 && fg_idlist_get(near, i - 1) < fg_idlist_get(near, i)));
    }
  }
  fg_idlist_free(near);
}

/* A random graph of 12,000 nodes: path lengths and everyone within k
 * steps (small searches, and whole-graph ones that go bottom-up) against
 * a plain BFS, with all credits and with actors only. */
static void test_large_random_graph(void **state) {
  (void)state;
  enum { NF = 6000, NP = 6000, EDGES = 20000 };
  fg_graph *g = fgt_graph(NULL);
  char key[16];
  for (int i = 0; i < NF; i++) {
    snprintf(key, sizeof key, "f%d", i);
    fgt_film(g, key, key, 2000);
  }
  for (int i = 0; i < NP; i++) {
    snprintf(key, sizeof key, "p%d", i);
    fgt_person(g, key, key);
  }
  /* adjacency of nodes 0..NF+NP-1 (people after films) */
  int *deg = calloc(NF + NP, sizeof *deg), *start = calloc(NF + NP + 1, sizeof *start);
  int (*edge)[3] = malloc(EDGES * sizeof *edge);
  uint64_t seed = 7;
  for (int e = 0; e < EDGES; e++) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    int f = (int)((seed >> 33) % NF), p = (int)((seed >> 13) % NP);
    if (e % 10 == 0) { /* a relation between two films */
      int f2 = (int)((seed >> 45) % NF);
      if (f2 == f)
        f2 = (f + 1) % NF;
      fgt_relation(g, (fg_id)f, FG_REL_FOLLOWS, (fg_id)f2, 0);
      edge[e][0] = f, edge[e][1] = f2, edge[e][2] = 0;
    } else {
      int director = e % 3 == 0;
      fgt_credit(g, (fg_id)f, (fg_id)p, director ? FG_ROLE_DIRECTOR : FG_ROLE_ACTOR, 0);
      edge[e][0] = f, edge[e][1] = NF + p, edge[e][2] = director ? 2 : 1;
    }
    deg[edge[e][0]]++, deg[edge[e][1]]++;
  }
  for (int v = 0; v < NF + NP; v++)
    start[v + 1] = start[v] + deg[v];
  int *adj = malloc(2 * EDGES * sizeof *adj), *kind = malloc(2 * EDGES * sizeof *kind);
  int *fill = calloc(NF + NP, sizeof *fill);
  for (int e = 0; e < EDGES; e++)
    for (int end = 0; end < 2; end++) {
      int at = start[edge[e][end]] + fill[edge[e][end]]++;
      adj[at] = edge[e][!end];
      kind[at] = edge[e][2];
    }
  int *dist = malloc((NF + NP) * sizeof *dist), *queue = malloc((NF + NP) * sizeof *queue);
  fg_path_options actors = FG_PATH_OPTIONS_INIT;
  actors.role_mask = FG_ROLE_MASK(FG_ROLE_ACTOR);
  for (int q = 0; q < 60; q++) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    int a = (int)((seed >> 20) % (NF + NP)), b = (int)((seed >> 40) % (NF + NP));
    uint64_t na = a < NF ? FG_NODE(FG_NODE_FILM, a) : FG_NODE(FG_NODE_PERSON, a - NF);
    uint64_t nb = b < NF ? FG_NODE(FG_NODE_FILM, b) : FG_NODE(FG_NODE_PERSON, b - NF);
    for (int directors = 1; directors >= 0; directors--) {
      const fg_path_options *o = directors ? NULL : &actors;
      plain_bfs_adj(start, adj, kind, NF + NP, a, directors, dist, queue);
      fg_path *p = NULL;
      int rc = fg_graph_shortest_path(g, na, nb, o, &p);
      uint32_t steps = 99;
      int rd = fg_graph_distance(g, na, nb, o, &steps);
      if (dist[b] < 0) {
        assert_int_equal(rc, FG_ENOTFOUND);
        assert_int_equal(rd, FG_ENOTFOUND);
        assert_int_equal(steps, 0);
      } else {
        assert_int_equal(rc, FG_OK);
        assert_int_equal((int)fg_path_count(p) - 1, dist[b]);
        assert_int_equal(rd, FG_OK);
        assert_int_equal((int)steps, dist[b]);
        check_path_masks(g, p, o ? o->role_mask : FG_ROLES_ALL, FG_RELS_ALL);
      }
      fg_path_free(p);
      expect_within(g, na, 3, o, dist, NF, NP, a);
      /* Everyone reachable: a search past the dense switch. */
      expect_within(g, na, 1000, o, dist, NF, NP, a);
    }
  }
  free(deg), free(start), free(edge), free(adj), free(kind), free(fill), free(dist), free(queue);
  fg_graph_free(g);
}

typedef struct visits {
  uint64_t nodes[64];
  uint32_t depths[64];
  size_t count, stop_at;
} visits;

static int record(uint64_t node, uint32_t depth, void *payload) {
  visits *v = payload;
  if (v->count < 64)
    v->nodes[v->count] = node, v->depths[v->count] = depth;
  v->count++;
  return v->stop_at && v->count >= v->stop_at;
}

#define F(id) FG_NODE(FG_NODE_FILM, id)
#define P(id) FG_NODE(FG_NODE_PERSON, id)

static void test_walks(void **state) {
  (void)state;
  /* f0 -director- p0 -actor- f1 ; f2 remake_of f0 ; f3 remake_of f2 */
  fg_graph *g = fgt_graph(NULL);
  fg_id f0 = fgt_film(g, "f0", "F0", 2000), f1 = fgt_film(g, "f1", "F1", 2001);
  fg_id f2 = fgt_film(g, "f2", "F2", 2002), f3 = fgt_film(g, "f3", "F3", 2003);
  fg_id p0 = fgt_person(g, "p0", "P0");
  fgt_credit(g, f0, p0, FG_ROLE_DIRECTOR, 0);
  fgt_credit(g, f1, p0, FG_ROLE_ACTOR, 1);
  fgt_relation(g, f2, FG_REL_REMAKE_OF, f0, 0);
  fgt_relation(g, f3, FG_REL_REMAKE_OF, f2, 0);
  visits v = {.count = 0};
  assert_int_equal(fg_graph_walk(g, F(f0), NULL, record, &v), FG_OK);
  /* BFS: f0; then p0 (credit) and f2 (remade as); then f1 and f3. */
  uint64_t bfs[] = {F(f0), P(p0), F(f2), F(f1), F(f3)};
  uint32_t bfs_depth[] = {0, 1, 1, 2, 2};
  assert_int_equal(v.count, 5);
  for (size_t i = 0; i < 5; i++) {
    assert_true(v.nodes[i] == bfs[i]);
    assert_int_equal(v.depths[i], bfs_depth[i]);
  }
  /* DFS pre-order: f0, p0, f1, then f2, f3. */
  fg_walk_options o = FG_WALK_OPTIONS_INIT;
  o.order = FG_WALK_DFS;
  v.count = 0;
  assert_int_equal(fg_graph_walk(g, F(f0), &o, record, &v), FG_OK);
  uint64_t dfs[] = {F(f0), P(p0), F(f1), F(f2), F(f3)};
  assert_int_equal(v.count, 5);
  for (size_t i = 0; i < 5; i++)
    assert_true(v.nodes[i] == dfs[i]);
  /* Depth limit, role mask, and relations one way only. */
  o = (fg_walk_options)FG_WALK_OPTIONS_INIT;
  o.max_depth = 1;
  v.count = 0;
  assert_int_equal(fg_graph_walk(g, F(f0), &o, record, &v), FG_OK);
  assert_int_equal(v.count, 3);
  o = (fg_walk_options)FG_WALK_OPTIONS_INIT;
  o.role_mask = FG_ROLE_MASK(FG_ROLE_ACTOR);
  v.count = 0;
  assert_int_equal(fg_graph_walk(g, F(f0), &o, record, &v), FG_OK);
  assert_int_equal(v.count, 3); /* f0, f2, f3: p0 only directed f0 */
  o = (fg_walk_options)FG_WALK_OPTIONS_INIT;
  o.role_mask = 0;
  o.direction = FG_DIR_OUT; /* from f3, remake_of leads to f2, then f0 */
  v.count = 0;
  assert_int_equal(fg_graph_walk(g, F(f3), &o, record, &v), FG_OK);
  assert_int_equal(v.count, 3);
  assert_true(v.nodes[2] == F(f0));
  o.direction = FG_DIR_IN; /* from f3 nothing remakes it */
  v.count = 0;
  assert_int_equal(fg_graph_walk(g, F(f3), &o, record, &v), FG_OK);
  assert_int_equal(v.count, 1);
  /* A callback that stops. */
  v.count = 0, v.stop_at = 2;
  assert_int_equal(fg_graph_walk(g, F(f0), NULL, record, &v), FG_ESTOP);
  assert_int_equal(v.count, 2);
  /* The pull iterator, to the end. */
  fg_walk *w = NULL;
  assert_int_equal(fg_walk_new(g, P(p0), NULL, &w), FG_OK);
  uint64_t node;
  uint32_t depth;
  size_t n = 0;
  while (fg_walk_next(w, &node, &depth) == FG_OK)
    n++;
  assert_int_equal(n, 5);
  assert_int_equal(fg_walk_next(w, &node, &depth), FG_ITEROVER);
  fg_walk_free(w);
  /* Errors. */
  assert_int_equal(fg_walk_new(g, F(99), NULL, &w), FG_ENOTFOUND);
  o = (fg_walk_options)FG_WALK_OPTIONS_INIT;
  o.order = 7;
  assert_int_equal(fg_walk_new(g, F(f0), &o, &w), FG_EINVAL);
  o.order = FG_WALK_BFS, o.direction = 0;
  assert_int_equal(fg_walk_new(g, F(f0), &o, &w), FG_EINVAL);
  o.version = 5;
  assert_int_equal(fg_walk_new(g, F(f0), &o, &w), FG_EVERSION);
  assert_int_equal(fg_graph_walk(g, F(f0), NULL, NULL, NULL), FG_EINVAL);
  fg_graph_free(g);
}

static int count_visit(uint64_t node, uint32_t depth, void *payload) {
  (void)node, (void)depth;
  ++*(size_t *)payload;
  return 0;
}

/* A remake chain a million films deep, walked both ways: no recursion.
 * The keys are IMDb's kind, three numbers a film as in IMDb, so the key
 * array grows past 8 MiB (where the default allocator moves it into huge
 * pages): every key is still found. */
static void test_walk_million_deep(void **state) {
  (void)state;
  enum { N = 1000000 };
  fg_graph *g = fgt_graph(NULL);
  char key[32];
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof key, "tt%07d", 3 * i + 1);
    fgt_film(g, key, key, 0);
    if (i)
      fgt_relation(g, (fg_id)i, FG_REL_REMAKE_OF, (fg_id)(i - 1), 0);
  }
  for (int i = 0; i < N; i += 997) {
    fg_id id = FG_ID_NONE;
    snprintf(key, sizeof key, "tt%07d", 3 * i + 1);
    assert_int_equal(fg_graph_find_film(g, key, &id), FG_OK);
    assert_int_equal(id, (fg_id)i);
    snprintf(key, sizeof key, "tt%07d", 3 * i + 2);
    assert_int_equal(fg_graph_find_film(g, key, &id), FG_ENOTFOUND);
  }
  for (int order = FG_WALK_BFS; order <= FG_WALK_DFS; order++) {
    fg_walk_options o = FG_WALK_OPTIONS_INIT;
    o.order = order;
    size_t n = 0;
    assert_int_equal(fg_graph_walk(g, FG_NODE(FG_NODE_FILM, N - 1), &o, count_visit, &n), FG_OK);
    assert_int_equal(n, N);
  }
  fg_family *fam = NULL;
  assert_int_equal(fg_film_remake_family(g, 0, &fam), FG_OK);
  assert_int_equal(fg_family_count(fam), N);
  fg_family_free(fam);
  fg_story s = FG_STORY_INIT;
  assert_int_equal(fg_film_true_story(g, N - 1, &s, NULL), FG_OK);
  assert_int_equal(s.original, 0);
  fg_graph_free(g);
}

/* One person in a million films (and one other person in the last): every
 * traversal through the hub, and the degree statistics. */
static void test_person_million_credits(void **state) {
  (void)state;
  enum { N = 1000000 };
  fg_graph *g = fgt_graph(NULL);
  char key[32];
  fg_id hub = fgt_person(g, "hub", "Hub");
  fg_id other = fgt_person(g, "other", "Other");
  fgt_person(g, "idle", "Idle");
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof key, "f%d", i);
    fg_id f = fgt_film(g, key, key, 2000);
    fgt_credit(g, f, hub, FG_ROLE_ACTOR, 0);
  }
  fgt_credit(g, N - 1, other, FG_ROLE_DIRECTOR, 0);
  fg_degree_stats people = FG_DEGREE_STATS_INIT;
  assert_int_equal(fg_graph_degree_stats(g, FG_TABLE_PEOPLE, &people), FG_OK);
  assert_int_equal(people.nodes, 3);
  assert_int_equal(people.credits, N + 1);
  assert_int_equal(people.max, N);
  assert_int_equal(people.max_id, hub);
  assert_int_equal(people.isolated, 1);
  assert_int_equal(people.median, 1);
  fg_degree_stats films = FG_DEGREE_STATS_INIT;
  assert_int_equal(fg_graph_degree_stats(g, FG_TABLE_FILMS, &films), FG_OK);
  assert_int_equal(films.max, 2);
  assert_int_equal(films.max_id, N - 1);
  assert_int_equal(films.median, 1);
  assert_int_equal(films.p99, 1);

  fg_path *p = NULL;
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_PERSON, other),
                                          FG_NODE(FG_NODE_PERSON, hub), NULL, &p),
                   FG_OK);
  assert_int_equal(fg_path_count(p), 3);
  fg_path_free(p);
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_FILM, 0),
                                          FG_NODE(FG_NODE_PERSON, other), NULL, &p),
                   FG_OK);
  assert_int_equal(fg_path_count(p), 4); /* f0, hub, f(N-1), other */
  fg_path_free(p);
  fg_idlist *l = NULL;
  assert_int_equal(fg_graph_people_within(g, FG_NODE(FG_NODE_FILM, 0), 3, NULL, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 2);
  assert_int_equal(fg_idlist_get(l, 0), hub);
  assert_int_equal(fg_idlist_weight(l, 0), 1);
  assert_int_equal(fg_idlist_get(l, 1), other);
  assert_int_equal(fg_idlist_weight(l, 1), 3);
  fg_idlist_free(l);
  assert_int_equal(fg_person_collaborators(g, hub, FG_ROLES_ALL, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 1);
  assert_int_equal(fg_idlist_get(l, 0), other);
  fg_idlist_free(l);
  assert_int_equal(fg_person_credits(g, hub, FG_ROLES_ALL, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), N);
  fg_idlist_free(l);
  for (int order = FG_WALK_BFS; order <= FG_WALK_DFS; order++) {
    fg_walk_options o = FG_WALK_OPTIONS_INIT;
    o.order = order;
    size_t n = 0;
    assert_int_equal(fg_graph_walk(g, FG_NODE(FG_NODE_PERSON, hub), &o, count_visit, &n), FG_OK);
    assert_int_equal(n, N + 2); /* the hub, its films, and the other person */
  }
  fg_graph_free(g);
}

/* Degree statistics on a small graph, an empty one, and bad arguments. */
static void test_degree_stats(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_degree_stats s = FG_DEGREE_STATS_INIT;
  assert_int_equal(fg_graph_degree_stats(g, FG_TABLE_FILMS, &s), FG_OK);
  assert_int_equal(s.nodes, 0);
  assert_int_equal(s.max_id, FG_ID_NONE);
  assert_true(s.mean == 0.0);
  fg_id f[4], p[4];
  for (int i = 0; i < 4; i++) {
    char key[8];
    snprintf(key, sizeof key, "f%d", i);
    f[i] = fgt_film(g, key, key, 2000);
    snprintf(key, sizeof key, "p%d", i);
    p[i] = fgt_person(g, key, key);
  }
  /* films: 3, 1, 0, 2 credits; people: 3, 2, 1, 0 */
  fgt_credit(g, f[0], p[0], FG_ROLE_ACTOR, 0);
  fgt_credit(g, f[0], p[1], FG_ROLE_ACTOR, 0);
  fgt_credit(g, f[0], p[2], FG_ROLE_ACTOR, 0);
  fgt_credit(g, f[1], p[0], FG_ROLE_DIRECTOR, 0);
  fgt_credit(g, f[3], p[0], FG_ROLE_WRITER, 0);
  fgt_credit(g, f[3], p[1], FG_ROLE_ACTOR, 0);
  assert_int_equal(fg_graph_degree_stats(g, FG_TABLE_FILMS, &s), FG_OK);
  assert_int_equal(s.nodes, 4);
  assert_int_equal(s.credits, 6);
  assert_int_equal(s.isolated, 1);
  assert_int_equal(s.max, 3);
  assert_int_equal(s.max_id, f[0]);
  assert_int_equal(s.median, 1); /* 0 1 [2] 3: rank (4-1)/2 = 1 */
  assert_int_equal(s.p99, 2);    /* rank 2 */
  assert_true(s.mean == 1.5);
  assert_int_equal(fg_graph_degree_stats(g, FG_TABLE_PEOPLE, &s), FG_OK);
  assert_int_equal(s.max_id, p[0]);
  assert_int_equal(s.isolated, 1);
  assert_int_equal(fg_graph_degree_stats(g, FG_TABLE_CREDITS, &s), FG_EINVAL);
  assert_int_equal(fg_graph_degree_stats(NULL, FG_TABLE_FILMS, &s), FG_EINVAL);
  assert_int_equal(fg_graph_degree_stats(g, FG_TABLE_FILMS, NULL), FG_EINVAL);
  s.version = 99;
  assert_int_equal(fg_graph_degree_stats(g, FG_TABLE_FILMS, &s), FG_EVERSION);
  fg_graph_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sample_path),
      cmocka_unit_test(test_random_graphs_match_plain_bfs),
      cmocka_unit_test(test_long_chain),
      cmocka_unit_test(test_people_within),
      cmocka_unit_test(test_large_random_graph),
      cmocka_unit_test(test_walks),
      cmocka_unit_test(test_walk_million_deep),
      cmocka_unit_test(test_person_million_credits),
      cmocka_unit_test(test_degree_stats),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
