/* Remake families (trees, forests, loops, long chains) and the true-story
 * verdict, on small hand-made graphs and on the bundled sample catalogue. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Helpers ------------------------------------------------------------------ */

static fg_family *family_of(const fg_graph *g, fg_id film) {
  fg_family *fam = NULL;
  assert_int_equal(fg_film_remake_family(g, film, &fam), FG_OK);
  assert_non_null(fam);
  return fam;
}

static fg_family_node node_at(const fg_family *fam, size_t i) {
  fg_family_node n = FG_FAMILY_NODE_INIT;
  assert_int_equal(fg_family_get(fam, i, &n), FG_OK);
  assert_int_equal(n.version, FG_FAMILY_NODE_VERSION);
  return n;
}

/* Check the invariants every family must hold: each film once; a root has
 * depth 0 and no relation; any other node comes after its parent, one level
 * deeper, through a remake_of relation from it to its parent's film; and
 * the layout is a depth-first pre-order. */
static void check_family(const fg_graph *g, const fg_family *fam) {
  size_t n = fg_family_count(fam);
  assert_true(n >= 1);
  size_t nfilms = fg_graph_count(g, FG_TABLE_FILMS);
  unsigned char *seen = calloc(nfilms, 1);
  fg_family_node *nodes = calloc(n, sizeof *nodes);
  for (size_t i = 0; i < n; i++) {
    fg_family_node nd = node_at(fam, i);
    nodes[i] = nd;
    assert_true(nd.film < nfilms);
    assert_int_equal(seen[nd.film], 0);
    seen[nd.film] = 1;
    if (nd.parent == FG_ID_NONE) {
      assert_int_equal(nd.depth, 0);
      assert_int_equal(nd.relation, FG_ID_NONE);
      continue;
    }
    assert_true(nd.parent < i);
    assert_int_equal(nd.depth, nodes[nd.parent].depth + 1);
    fg_relation r = FG_RELATION_INIT;
    assert_int_equal(fg_graph_relation(g, nd.relation, &r), FG_OK);
    assert_int_equal(r.type, FG_REL_REMAKE_OF);
    assert_int_equal(r.from, nd.film);
    assert_int_equal(r.to, nodes[nd.parent].film);
    /* Pre-order: everything between the parent and this node is deeper
     * than the parent (it belongs to an earlier sibling's subtree). */
    for (size_t k = nd.parent + 1; k < i; k++)
      assert_true(nodes[k].depth > nodes[nd.parent].depth);
  }
  fg_family_node extra = FG_FAMILY_NODE_INIT;
  assert_int_equal(fg_family_get(fam, n, &extra), FG_ENOTFOUND);
  free(seen);
  free(nodes);
}

/* The family's films, in order, are exactly `films`. */
static void expect_family(const fg_graph *g, fg_id from, const fg_id *films, size_t n,
                          uint32_t flags) {
  fg_family *fam = family_of(g, from);
  check_family(g, fam);
  assert_int_equal(fg_family_count(fam), n);
  assert_int_equal(fg_family_flags(fam), flags);
  for (size_t i = 0; i < n; i++)
    assert_int_equal(node_at(fam, i).film, films[i]);
  fg_family_free(fam);
}

static fg_story story_of(const fg_graph *g, fg_id film, fg_idlist **chain) {
  fg_story s = FG_STORY_INIT;
  assert_int_equal(fg_film_true_story(g, film, &s, chain), FG_OK);
  assert_int_equal(s.film, film);
  return s;
}

/* ---- Families ------------------------------------------------------------------- */

static void test_family_of_one(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id a = fgt_film(g, "a", "A", 2000);
  fg_id b = fgt_film(g, "b", "B", 2001);
  fgt_relation(g, b, FG_REL_FOLLOWS, a, 0); /* a sequel is not a remake */
  expect_family(g, a, &a, 1, 0);
  expect_family(g, b, &b, 1, 0);
  fg_family *fam = family_of(g, a);
  fg_family_node n = node_at(fam, 0);
  assert_int_equal(n.parent, FG_ID_NONE);
  assert_int_equal(n.depth, 0);
  assert_int_equal(n.relation, FG_ID_NONE);
  fg_graph_free(g); /* the family outlives the graph */
  assert_int_equal(fg_family_count(fam), 1);
  fg_family_free(fam);
}

static void test_family_depths(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id o = fgt_film(g, "o", "O", 1950);
  fg_id a = fgt_film(g, "a", "A", 1960);
  fg_id r_ao = fgt_relation(g, a, FG_REL_REMAKE_OF, o, 0);
  /* depth 1 */
  fg_id d1[] = {o, a};
  expect_family(g, o, d1, 2, 0);
  expect_family(g, a, d1, 2, 0);
  fg_family *fam = family_of(g, a);
  fg_family_node n = node_at(fam, 1);
  assert_int_equal(n.parent, 0);
  assert_int_equal(n.depth, 1);
  assert_int_equal(n.relation, r_ao);
  fg_family_free(fam);
  /* depth 2 */
  fg_id b = fgt_film(g, "b", "B", 1970);
  fgt_relation(g, b, FG_REL_REMAKE_OF, a, 0);
  fg_id d2[] = {o, a, b};
  expect_family(g, o, d2, 3, 0);
  expect_family(g, a, d2, 3, 0);
  expect_family(g, b, d2, 3, 0);
  /* depth 3, the newest remake added before its original's other links */
  fg_id c = fgt_film(g, "c", "C", 1980);
  fg_id r_cb = fgt_relation(g, c, FG_REL_REMAKE_OF, b, 0);
  fg_id d3[] = {o, a, b, c};
  expect_family(g, c, d3, 4, 0);
  fam = family_of(g, o);
  n = node_at(fam, 3);
  assert_int_equal(n.depth, 3);
  assert_int_equal(n.parent, 2);
  assert_int_equal(n.relation, r_cb);
  fg_family_free(fam);
  /* Other relation types do not join families. */
  fg_id s = fgt_film(g, "s", "Sequel", 1990);
  fgt_relation(g, s, FG_REL_FOLLOWS, c, 0);
  fgt_relation(g, s, FG_REL_VERSION_OF, o, 0);
  expect_family(g, c, d3, 4, 0);
  fg_graph_free(g);
}

static void test_family_children_order(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id o = fgt_film(g, "o", "O", 1950);
  fg_id x = fgt_film(g, "x", "X", 2010);
  fg_id z = fgt_film(g, "z", "Z", 0); /* unknown year: last */
  fg_id y = fgt_film(g, "y", "Y", 1990);
  fg_id w = fgt_film(g, "w", "W", 1990); /* same year as Y, larger id */
  fg_id y1 = fgt_film(g, "y1", "Y1", 2000);
  fgt_relation(g, x, FG_REL_REMAKE_OF, o, 0);
  fgt_relation(g, z, FG_REL_REMAKE_OF, o, 0);
  fgt_relation(g, w, FG_REL_REMAKE_OF, o, 0);
  fgt_relation(g, y, FG_REL_REMAKE_OF, o, 0);
  fgt_relation(g, y1, FG_REL_REMAKE_OF, y, FG_RELF_UNOFFICIAL);
  fg_id want[] = {o, y, y1, w, x, z};
  expect_family(g, o, want, 6, 0);
  expect_family(g, y1, want, 6, 0);
  expect_family(g, z, want, 6, 0);
  fg_family *fam = family_of(g, x);
  static const uint32_t parents[] = {FG_ID_NONE, 0, 1, 0, 0, 0};
  static const uint32_t depths[] = {0, 1, 2, 1, 1, 1};
  for (size_t i = 0; i < 6; i++) {
    fg_family_node n = node_at(fam, i);
    assert_int_equal(n.parent, parents[i]);
    assert_int_equal(n.depth, depths[i]);
  }
  fg_family_free(fam);
  fg_graph_free(g);
}

static void test_family_long_chain(void **state) {
  (void)state;
  enum { N = 100000 };
  fg_graph *g = fgt_graph(NULL);
  char key[16];
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof key, "f%d", i);
    fgt_film(g, key, "Again", 0);
    if (i)
      fgt_relation(g, (fg_id)i, FG_REL_REMAKE_OF, (fg_id)(i - 1), 0);
  }
  fg_family *fam = family_of(g, N - 1);
  assert_int_equal(fg_family_count(fam), N);
  assert_int_equal(fg_family_flags(fam), 0);
  for (size_t i = 0; i < N; i++) {
    fg_family_node n = node_at(fam, i);
    assert_int_equal(n.film, i);
    assert_int_equal(n.depth, i);
    assert_int_equal(n.parent, i ? i - 1 : FG_ID_NONE);
    assert_int_equal(n.relation, i ? i - 1 : FG_ID_NONE);
  }
  fg_family_free(fam);
  fam = family_of(g, N / 2);
  assert_int_equal(fg_family_count(fam), N);
  fg_family_free(fam);
  /* The true-story walk too: no recursion, the whole chain. */
  fgt_film_origin(g, "orig", "Original", 0, FG_ORIGIN_TRUE_EVENTS);
  fgt_relation(g, 0, FG_REL_REMAKE_OF, N, 0);
  fg_idlist *chain = NULL;
  fg_story s = story_of(g, N - 1, &chain);
  assert_int_equal(s.answer, FG_ANSWER_YES);
  assert_int_equal(s.original, N);
  assert_int_equal(s.decided_by, N);
  assert_int_equal(s.flags, 0);
  assert_int_equal(fg_idlist_count(chain), N);
  assert_int_equal(fg_idlist_get(chain, 0), N - 2);     /* f(N-1) → f(N-2) */
  assert_int_equal(fg_idlist_get(chain, N - 1), N - 1); /* f0 → orig */
  fg_idlist_free(chain);
  fg_graph_free(g);
}

static void test_family_cycles(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  /* Two films remaking each other: the older is the root. */
  fg_id b = fgt_film(g, "b", "B", 2010);
  fg_id a = fgt_film(g, "a", "A", 2000);
  fgt_relation(g, a, FG_REL_REMAKE_OF, b, 0);
  fgt_relation(g, b, FG_REL_REMAKE_OF, a, 0);
  fg_id ab[] = {a, b};
  expect_family(g, a, ab, 2, FG_FAMILY_CYCLE);
  expect_family(g, b, ab, 2, FG_FAMILY_CYCLE);

  /* A 3-cycle: the oldest (p) is the root, then around the loop. */
  fg_id p = fgt_film(g, "p", "P", 1995);
  fg_id q = fgt_film(g, "q", "Q", 2005);
  fg_id r = fgt_film(g, "r", "R", 2010);
  fgt_relation(g, q, FG_REL_REMAKE_OF, p, 0);
  fgt_relation(g, p, FG_REL_REMAKE_OF, r, 0);
  fgt_relation(g, r, FG_REL_REMAKE_OF, q, 0);
  fg_id pqr[] = {p, q, r};
  expect_family(g, r, pqr, 3, FG_FAMILY_CYCLE);

  /* A loop hanging off a real original: o ← c1 ← c2 ← c3 ← c1. */
  fg_id o = fgt_film(g, "o", "O", 1950);
  fg_id c1 = fgt_film(g, "c1", "C1", 1960);
  fg_id c2 = fgt_film(g, "c2", "C2", 1970);
  fg_id c3 = fgt_film(g, "c3", "C3", 1980);
  fgt_relation(g, c1, FG_REL_REMAKE_OF, o, 0);
  fgt_relation(g, c2, FG_REL_REMAKE_OF, c1, 0);
  fgt_relation(g, c3, FG_REL_REMAKE_OF, c2, 0);
  fgt_relation(g, c1, FG_REL_REMAKE_OF, c3, 0);
  fg_id oc[] = {o, c1, c2, c3};
  expect_family(g, c3, oc, 4, FG_FAMILY_CYCLE | FG_FAMILY_MULTIPLE_PARENTS);
  expect_family(g, o, oc, 4, FG_FAMILY_CYCLE | FG_FAMILY_MULTIPLE_PARENTS);

  /* A film remaking a member of a loop (a tail into it): all present once. */
  fg_id t1 = fgt_film(g, "t1", "T1", 2000);
  fg_id t2 = fgt_film(g, "t2", "T2", 2010);
  fg_id tail = fgt_film(g, "tail", "Tail", 2020);
  fgt_relation(g, t1, FG_REL_REMAKE_OF, t2, 0);
  fgt_relation(g, t2, FG_REL_REMAKE_OF, t1, 0);
  fgt_relation(g, tail, FG_REL_REMAKE_OF, t2, 0);
  fg_id tt[] = {t1, t2, tail};
  expect_family(g, tail, tt, 3, FG_FAMILY_CYCLE);

  /* A loop is broken at its own oldest film, even when an older film
   * remakes into it: x (1990) remakes l1 (2000); l1 and l2 (2010) remake
   * each other. l1 is the root; x and l2 hang under it, by year. */
  fg_id x = fgt_film(g, "x", "X", 1990);
  fg_id l1 = fgt_film(g, "l1", "L1", 2000);
  fg_id l2 = fgt_film(g, "l2", "L2", 2010);
  fgt_relation(g, x, FG_REL_REMAKE_OF, l1, 0);
  fgt_relation(g, l1, FG_REL_REMAKE_OF, l2, 0);
  fgt_relation(g, l2, FG_REL_REMAKE_OF, l1, 0);
  fg_id xl[] = {l1, x, l2};
  expect_family(g, x, xl, 3, FG_FAMILY_CYCLE);

  /* Asked from inside the loop: the same family. */
  fg_family *fam = family_of(g, c2);
  assert_int_equal(fg_family_count(fam), 4);
  fg_family_free(fam);
  fg_graph_free(g);
}

static void test_family_multiple_parents(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id a = fgt_film(g, "a", "A", 1950);
  fg_id b = fgt_film(g, "b", "B", 1960);
  fg_id m = fgt_film(g, "m", "M", 1990);
  fg_id x = fgt_film(g, "x", "X", 1970);
  fgt_relation(g, m, FG_REL_REMAKE_OF, a, 0); /* first: m sits under a */
  fgt_relation(g, m, FG_REL_REMAKE_OF, b, 0);
  fgt_relation(g, x, FG_REL_REMAKE_OF, b, 0);
  /* A forest: two originals, oldest first, m once. */
  fg_id want[] = {a, m, b, x};
  expect_family(g, m, want, 4, FG_FAMILY_MULTIPLE_PARENTS);
  expect_family(g, x, want, 4, FG_FAMILY_MULTIPLE_PARENTS);
  fg_family *fam = family_of(g, a);
  assert_int_equal(node_at(fam, 2).parent, FG_ID_NONE);
  assert_int_equal(node_at(fam, 1).parent, 0);
  fg_family_free(fam);
  /* A film sits under the original of its first remake_of relation, the
   * one the true-story walk follows, even when the other is older. */
  fg_graph *k = fgt_graph(NULL);
  fg_id old1 = fgt_film(k, "old", "Old", 1950);
  fg_id mid = fgt_film(k, "mid", "Mid", 1960);
  fg_id both = fgt_film(k, "both", "Both", 1990);
  fgt_relation(k, both, FG_REL_REMAKE_OF, mid, 0);
  fgt_relation(k, both, FG_REL_REMAKE_OF, old1, 0);
  fg_id want2[] = {old1, mid, both};
  expect_family(k, both, want2, 3, FG_FAMILY_MULTIPLE_PARENTS);
  fg_family *fk = family_of(k, both);
  assert_int_equal(node_at(fk, 2).parent, 1);
  fg_family_free(fk);
  fg_story st = story_of(k, both, NULL);
  assert_int_equal(st.original, mid);
  assert_true(st.flags & FG_STORY_BRANCHES);
  fg_graph_free(k);
  /* The same pair linked twice is not two parents. */
  fg_graph *h = fgt_graph(NULL);
  fg_id o = fgt_film(h, "o", "O", 1950);
  fg_id r = fgt_film(h, "r", "R", 1960);
  fgt_relation(h, r, FG_REL_REMAKE_OF, o, 0);
  fgt_relation(h, r, FG_REL_REMAKE_OF, o, FG_RELF_UNOFFICIAL);
  fg_id o_r[] = {o, r};
  expect_family(h, r, o_r, 2, 0);
  fg_graph_free(h);
  fg_graph_free(g);
}

static void test_family_errors(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_film(g, "a", "A", 0);
  fg_family *fam = (fg_family *)&fam;
  assert_int_equal(fg_film_remake_family(g, 1, &fam), FG_ENOTFOUND);
  assert_null(fam);
  fam = (fg_family *)&fam;
  assert_int_equal(fg_film_remake_family(NULL, 0, &fam), FG_EINVAL);
  assert_null(fam);
  assert_int_equal(fg_film_remake_family(g, 0, NULL), FG_EINVAL);
  fam = family_of(g, 0);
  fg_family_node n = FG_FAMILY_NODE_INIT;
  assert_int_equal(fg_family_get(NULL, 0, &n), FG_EINVAL);
  assert_int_equal(fg_family_get(fam, 0, NULL), FG_EINVAL);
  n.version = 99;
  assert_int_equal(fg_family_get(fam, 0, &n), FG_EVERSION);
  n.version = FG_FAMILY_NODE_VERSION;
  assert_int_equal(fg_family_get(fam, 1, &n), FG_ENOTFOUND);
  assert_int_equal(fg_family_get(fam, (size_t)-1, &n), FG_ENOTFOUND);
  fg_family_free(fam);
  assert_int_equal(fg_family_count(NULL), 0);
  assert_int_equal(fg_family_flags(NULL), 0);
  fg_family_free(NULL);
  fg_graph_free(g);
}

/* ---- True story --------------------------------------------------------------- */

static void test_story_yes_no_unknown(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  /* yes: the original is about real events; its remake inherits that */
  fg_id o1 = fgt_film_origin(g, "o1", "Hachikō Monogatari", 1987, FG_ORIGIN_TRUE_EVENTS);
  fg_id r1 = fgt_film(g, "r1", "Hachi", 2009);
  fg_id rel1 = fgt_relation(g, r1, FG_REL_REMAKE_OF, o1, 0);
  fg_idlist *chain = NULL;
  fg_story s = story_of(g, r1, &chain);
  assert_int_equal(s.version, FG_STORY_VERSION);
  assert_int_equal(s.answer, FG_ANSWER_YES);
  assert_int_equal(s.original, o1);
  assert_int_equal(s.decided_by, o1);
  assert_int_equal(s.origin, FG_ORIGIN_TRUE_EVENTS);
  assert_int_equal(s.flags, 0);
  fgt_expect_ids(chain, &rel1, 1);

  /* no: an original screenplay; the remake's own origin does not decide */
  fg_id o2 = fgt_film_origin(g, "o2", "Fiction", 2013, FG_ORIGIN_ORIGINAL_SCREENPLAY);
  fg_id r2 = fgt_film_origin(g, "r2", "Remake", 2019, FG_ORIGIN_TRUE_EVENTS);
  fgt_relation(g, r2, FG_REL_REMAKE_OF, o2, 0);
  s = story_of(g, r2, NULL);
  assert_int_equal(s.answer, FG_ANSWER_NO);
  assert_int_equal(s.original, o2);
  assert_int_equal(s.decided_by, o2);
  assert_int_equal(s.origin, FG_ORIGIN_ORIGINAL_SCREENPLAY);
  /* A book adaptation that is also about real events: yes */
  fg_id o3 = fgt_film_origin(g, "o3", "Schindler", 1993, FG_ORIGIN_BOOK | FG_ORIGIN_TRUE_EVENTS);
  s = story_of(g, o3, &chain);
  assert_int_equal(s.answer, FG_ANSWER_YES);
  assert_int_equal(s.original, o3);
  assert_int_equal(s.decided_by, o3);
  assert_int_equal(s.origin, FG_ORIGIN_BOOK | FG_ORIGIN_TRUE_EVENTS);
  fgt_expect_ids(chain, NULL, 0); /* remakes nothing: empty chain */

  /* unknown: no origin anywhere on the chain */
  fg_id o4 = fgt_film(g, "o4", "Unknown", 1960);
  fg_id r4 = fgt_film(g, "r4", "Unknown remake", 1970);
  fgt_relation(g, r4, FG_REL_REMAKE_OF, o4, 0);
  s = story_of(g, r4, NULL);
  assert_int_equal(s.answer, FG_ANSWER_UNKNOWN);
  assert_int_equal(s.original, o4);
  assert_int_equal(s.decided_by, FG_ID_NONE);
  assert_int_equal(s.origin, 0);
  fg_id lone = fgt_film(g, "lone", "Lone", 0);
  s = story_of(g, lone, &chain);
  assert_int_equal(s.answer, FG_ANSWER_UNKNOWN);
  assert_int_equal(s.original, lone);
  assert_int_equal(s.decided_by, FG_ID_NONE);
  fgt_expect_ids(chain, NULL, 0);
  /* Only remake_of is walked: a sequel of a true story is not one. */
  fg_id seq = fgt_film(g, "seq", "Sequel", 2012);
  fgt_relation(g, seq, FG_REL_FOLLOWS, o1, 0);
  s = story_of(g, seq, NULL);
  assert_int_equal(s.answer, FG_ANSWER_UNKNOWN);
  assert_int_equal(s.original, seq);
  fg_graph_free(g);
}

static void test_story_nearest_to_original(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  /* o (unknown) ← m (book) ← n (true events) ← r (unknown) */
  fg_id o = fgt_film(g, "o", "O", 1950);
  fg_id m = fgt_film_origin(g, "m", "M", 1960, FG_ORIGIN_BOOK);
  fg_id n = fgt_film_origin(g, "n", "N", 1970, FG_ORIGIN_TRUE_EVENTS);
  fg_id r = fgt_film(g, "r", "R", 1980);
  fg_id r_mo = fgt_relation(g, m, FG_REL_REMAKE_OF, o, 0);
  fg_id r_rn = fgt_relation(g, r, FG_REL_REMAKE_OF, n, 0);
  fg_id r_nm = fgt_relation(g, n, FG_REL_REMAKE_OF, m, 0);
  fg_idlist *chain = NULL;
  fg_story s = story_of(g, r, &chain);
  assert_int_equal(s.answer, FG_ANSWER_NO);
  assert_int_equal(s.original, o);
  assert_int_equal(s.decided_by, m);
  assert_int_equal(s.origin, FG_ORIGIN_BOOK);
  assert_int_equal(s.flags, 0);
  fg_id want[] = {r_rn, r_nm, r_mo}; /* from the film towards the original */
  fgt_expect_ids(chain, want, 3);
  s = story_of(g, n, &chain);
  assert_int_equal(s.decided_by, m);
  fg_id want_n[] = {r_nm, r_mo};
  fgt_expect_ids(chain, want_n, 2);
  fg_graph_free(g);
}

static void test_story_flags(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  /* unofficial step */
  fg_id o = fgt_film_origin(g, "o", "O", 1932, FG_ORIGIN_ORIGINAL_SCREENPLAY);
  fg_id a = fgt_film(g, "a", "A", 1937);
  fg_id b = fgt_film(g, "b", "B", 1954);
  fgt_relation(g, a, FG_REL_REMAKE_OF, o, FG_RELF_UNOFFICIAL);
  fgt_relation(g, b, FG_REL_REMAKE_OF, a, 0);
  fg_story s = story_of(g, b, NULL);
  assert_int_equal(s.answer, FG_ANSWER_NO);
  assert_int_equal(s.original, o);
  assert_int_equal(s.flags, FG_STORY_UNOFFICIAL);
  s = story_of(g, o, NULL);
  assert_int_equal(s.flags, 0);

  /* a loop: terminates, flagged; the chain has each step once */
  fg_id x = fgt_film(g, "x", "X", 2000);
  fg_id y = fgt_film(g, "y", "Y", 2001);
  fg_id z = fgt_film_origin(g, "z", "Z", 2002, FG_ORIGIN_TRUE_EVENTS);
  fg_id r_xy = fgt_relation(g, x, FG_REL_REMAKE_OF, y, 0);
  fg_id r_yz = fgt_relation(g, y, FG_REL_REMAKE_OF, z, 0);
  fgt_relation(g, z, FG_REL_REMAKE_OF, x, 0);
  fg_idlist *chain = NULL;
  s = story_of(g, x, &chain);
  assert_true(s.flags & FG_STORY_CYCLE);
  assert_int_equal(s.original, z);
  assert_int_equal(s.answer, FG_ANSWER_YES);
  assert_int_equal(s.decided_by, z);
  fg_id loop[] = {r_xy, r_yz};
  fgt_expect_ids(chain, loop, 2);
  fg_id two1 = fgt_film(g, "two1", "Two 1", 0);
  fg_id two2 = fgt_film(g, "two2", "Two 2", 0);
  fgt_relation(g, two1, FG_REL_REMAKE_OF, two2, 0);
  fgt_relation(g, two2, FG_REL_REMAKE_OF, two1, FG_RELF_UNOFFICIAL);
  s = story_of(g, two2, &chain);
  assert_true(s.flags & FG_STORY_CYCLE);
  assert_int_equal(s.answer, FG_ANSWER_UNKNOWN);
  assert_int_equal(fg_idlist_count(chain), 1);
  fg_idlist_free(chain);

  /* branches: the first remake_of added is followed */
  fg_id p1 = fgt_film_origin(g, "p1", "P1", 1950, FG_ORIGIN_TRUE_EVENTS);
  fg_id p2 = fgt_film_origin(g, "p2", "P2", 1940, FG_ORIGIN_ORIGINAL_SCREENPLAY);
  fg_id kid = fgt_film(g, "kid", "Kid", 1990);
  fg_id r_first = fgt_relation(g, kid, FG_REL_REMAKE_OF, p1, 0);
  fgt_relation(g, kid, FG_REL_REMAKE_OF, p2, 0);
  s = story_of(g, kid, &chain);
  assert_int_equal(s.flags, FG_STORY_BRANCHES);
  assert_int_equal(s.original, p1);
  assert_int_equal(s.answer, FG_ANSWER_YES);
  fgt_expect_ids(chain, &r_first, 1);
  /* the same original linked twice is not a branch */
  fg_id twice = fgt_film(g, "twice", "Twice", 1991);
  fgt_relation(g, twice, FG_REL_REMAKE_OF, p2, 0);
  fgt_relation(g, twice, FG_REL_REMAKE_OF, p2, 0);
  s = story_of(g, twice, NULL);
  assert_int_equal(s.flags, 0);
  assert_int_equal(s.answer, FG_ANSWER_NO);
  fg_graph_free(g);
}

static void test_story_errors(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_film(g, "a", "A", 0);
  fg_story s = FG_STORY_INIT;
  fg_idlist *chain = (fg_idlist *)&chain;
  assert_int_equal(fg_film_true_story(g, 1, &s, &chain), FG_ENOTFOUND);
  assert_null(chain);
  chain = (fg_idlist *)&chain;
  assert_int_equal(fg_film_true_story(NULL, 0, &s, &chain), FG_EINVAL);
  assert_null(chain);
  assert_int_equal(fg_film_true_story(g, 0, NULL, NULL), FG_EINVAL);
  s.version = 42;
  chain = (fg_idlist *)&chain;
  assert_int_equal(fg_film_true_story(g, 0, &s, &chain), FG_EVERSION);
  assert_null(chain);
  fg_graph_free(g);
}

/* ---- The sample catalogue ---------------------------------------------------- */

static void test_sample_questions(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_load_sample(g);
  fg_id korean = fgt_find_film(g, "miracle-in-cell-no-7-2013");

  /* "Is Miracle in Cell No. 7 (2019, Turkey) based on a true story?" No. */
  fg_idlist *l = NULL;
  assert_int_equal(fg_graph_search_films(g, "7. Koğuştaki Mucize", 0, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 1);
  fg_id turkish = fg_idlist_get(l, 0);
  fg_idlist_free(l);
  assert_int_equal(turkish, fgt_find_film(g, "miracle-in-cell-no-7-2019-tr"));
  fg_idlist *chain = NULL;
  fg_story s = story_of(g, turkish, &chain);
  assert_int_equal(s.answer, FG_ANSWER_NO);
  assert_int_equal(s.original, korean);
  assert_int_equal(s.decided_by, korean);
  assert_int_equal(s.origin, FG_ORIGIN_ORIGINAL_SCREENPLAY);
  assert_int_equal(s.flags, 0);
  assert_int_equal(fg_idlist_count(chain), 1);
  fg_relation r = FG_RELATION_INIT;
  assert_int_equal(fg_graph_relation(g, fg_idlist_get(chain, 0), &r), FG_OK);
  assert_int_equal(r.from, turkish);
  assert_int_equal(r.to, korean);
  fg_idlist_free(chain);

  /* Two films of 2019 carry that title (Turkey and the Philippines). */
  assert_int_equal(fg_graph_search_films(g, "Miracle in Cell No. 7", 2019, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 2);
  fg_id y2019[] = {turkish, fgt_find_film(g, "miracle-in-cell-no-7-2019-ph")};
  fgt_expect_ids(l, y2019, 2);

  /* Its family: the Korean original and four remakes by year, then id. */
  fg_id fam[] = {korean, fgt_find_film(g, "pushpaka-vimana-2017"), turkish,
                 fgt_find_film(g, "miracle-in-cell-no-7-2019-ph"),
                 fgt_find_film(g, "miracle-in-cell-no-7-2022")};
  expect_family(g, turkish, fam, 5, 0);
  /* The Indian remake was unofficial. */
  s = story_of(g, fam[1], NULL);
  assert_int_equal(s.answer, FG_ANSWER_NO);
  assert_int_equal(s.flags, FG_STORY_UNOFFICIAL);

  /* Hachi: A Dog's Tale remakes a film about the real dog: yes. */
  assert_int_equal(fg_graph_search_films(g, "Hachi: A Dog's Tale", 0, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 1);
  fg_id hachi = fg_idlist_get(l, 0);
  fg_idlist_free(l);
  s = story_of(g, hachi, NULL);
  assert_int_equal(s.answer, FG_ANSWER_YES);
  assert_int_equal(s.original, fgt_find_film(g, "hachiko-monogatari-1987"));
  assert_int_equal(s.decided_by, s.original);
  assert_true(s.origin & FG_ORIGIN_TRUE_EVENTS);

  /* A Star Is Born (2018): four steps back to What Price Hollywood? */
  fg_id star = fgt_find_film(g, "a-star-is-born-2018");
  s = story_of(g, star, &chain);
  assert_int_equal(s.answer, FG_ANSWER_NO);
  assert_int_equal(s.original, fgt_find_film(g, "what-price-hollywood-1932"));
  assert_int_equal(s.flags, FG_STORY_UNOFFICIAL);
  assert_int_equal(fg_idlist_count(chain), 4);
  fg_idlist_free(chain);
  fg_graph_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_family_of_one),
      cmocka_unit_test(test_family_depths),
      cmocka_unit_test(test_family_children_order),
      cmocka_unit_test(test_family_long_chain),
      cmocka_unit_test(test_family_cycles),
      cmocka_unit_test(test_family_multiple_parents),
      cmocka_unit_test(test_family_errors),
      cmocka_unit_test(test_story_yes_no_unknown),
      cmocka_unit_test(test_story_nearest_to_original),
      cmocka_unit_test(test_story_flags),
      cmocka_unit_test(test_story_errors),
      cmocka_unit_test(test_sample_questions),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
