/* Out of memory everywhere: an allocator that fails the k-th allocation
 * (or every one from the k-th on), for k = 1, 2, ... until the call
 * succeeds. Each failure must come back as FG_ENOMEM, leave the graph
 * answering exactly as before, and leak nothing. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A graph holding a few records of its own before the sample is loaded. */
static void add_base(fg_graph *g) {
  fg_id a = fgt_film_origin(g, "pre-1", "Pre One", 1990, FG_ORIGIN_TRUE_EVENTS);
  fg_id b = fgt_film(g, "pre-2", "Pre Two", 1995);
  fg_id p = fgt_person(g, "pre-p", "Pre Person");
  fgt_credit(g, a, p, FG_ROLE_DIRECTOR, 0);
  fgt_relation(g, b, FG_REL_REMAKE_OF, a, 0);
  fgt_aka(g, a, "Vor Eins");
}

/* The base records answer as they should. */
static void expect_base_answers(const fg_graph *g) {
  fg_id a = fgt_find_film(g, "pre-1");
  assert_int_equal(a, 0);
  fg_idlist *l = NULL;
  assert_int_equal(fg_graph_search_films(g, "VOR EINS", 0, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 1);
  assert_int_equal(fg_idlist_get(l, 0), a);
  fg_idlist_free(l);
  assert_int_equal(fg_graph_search_people(g, "pre person", &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 1);
  fg_idlist_free(l);
  assert_int_equal(fg_film_remakes(g, a, &l), FG_OK);
  assert_int_equal(fg_idlist_count(l), 1);
  assert_int_equal(fg_idlist_get(l, 0), 1);
  fg_idlist_free(l);
  fg_story s = FG_STORY_INIT;
  assert_int_equal(fg_film_true_story(g, 1, &s, NULL), FG_OK);
  assert_int_equal(s.answer, FG_ANSWER_YES);
}

/* ---- fg_graph_new and adding records -------------------------------------------- */

static void test_new_graph(void **state) {
  (void)state;
  for (int from = 0; from < 2; from++) {
    int done = 0;
    for (size_t k = 1; !done; k++) {
      fgt_alloc a = {0};
      fgt_alloc_arm(&a, k, from);
      fg_graph_options o = fgt_options(&a);
      fg_graph *g = NULL;
      int rc = fg_graph_new(&o, &g);
      if (rc == FG_OK) {
        assert_int_equal(a.failures, 0);
        done = 1;
        fg_graph_free(g);
      } else {
        assert_int_equal(rc, FG_ENOMEM);
        assert_null(g);
      }
      assert_int_equal(a.live, 0);
      assert_true(k < 100);
    }
  }
}

static void test_add_records(void **state) {
  (void)state;
  for (int from = 0; from < 2; from++) {
    int done = 0;
    for (size_t k = 1; !done; k++) {
      fgt_alloc a = {0};
      fg_graph *g = fgt_graph(&a);
      fgt_film(g, "seed", "Seed", 0);
      fgt_snapshot before;
      fgt_snapshot_take(g, &before);
      fgt_alloc_arm(&a, k, from);
      /* A batch of adds that each allocate the first time. */
      fg_film f = FG_FILM_INIT;
      f.key = "film";
      f.title = "A title long enough to grow the string pool, surely";
      fg_person p = FG_PERSON_INIT;
      p.key = "person";
      p.name = "Person";
      int rc = fg_graph_add_film(g, &f, NULL);
      if (rc == FG_OK)
        rc = fg_graph_add_person(g, &p, NULL);
      fg_credit c = FG_CREDIT_INIT;
      c.film = 1;
      c.person = 0;
      c.job = "job";
      if (rc == FG_OK)
        rc = fg_graph_add_credit(g, &c, NULL);
      fg_relation r = FG_RELATION_INIT;
      r.from = 1;
      r.to = 0;
      r.note = "note";
      if (rc == FG_OK)
        rc = fg_graph_add_relation(g, &r, NULL);
      fg_aka k2 = FG_AKA_INIT;
      k2.film = 0;
      k2.title = "Aka";
      if (rc == FG_OK)
        rc = fg_graph_add_aka(g, &k2, NULL);
      size_t failures = a.failures;
      fgt_alloc_disarm(&a);
      if (rc == FG_OK) {
        assert_int_equal(failures, 0);
        done = 1;
        for (int t = 0; t < FG_TABLE_COUNT_; t++)
          assert_int_equal(fg_graph_count(g, t), t == FG_TABLE_FILMS ? 2 : 1);
      } else {
        assert_int_equal(rc, FG_ENOMEM);
        assert_true(failures > 0);
        assert_true(fg_errmsg(g)[0] != '\0');
        /* Whatever went in before the failing add is whole; the rest is
         * absent. The failing add itself left no trace: adding it again
         * with memory back works. */
        size_t nf = fg_graph_count(g, FG_TABLE_FILMS);
        if (nf == 1) {
          fgt_snapshot_expect(g, &before);
          assert_false(fgt_has_film(g, "film"));
        }
        assert_int_equal(fgt_film(g, "again", "Again", 0), nf);
      }
      fgt_snapshot_free(&before);
      fg_graph_free(g);
      assert_int_equal(a.live, 0);
    }
  }
}

/* ---- Loading ---------------------------------------------------------------------- */

static void load_sample_under_failure(int from, int frozen) {
  fgt_alloc ref_alloc = {0};
  fg_graph *ref = fgt_graph(&ref_alloc);
  add_base(ref);
  fgt_load_sample(ref);
  int done = 0;
  size_t k;
  for (k = 1; !done; k++) {
    fgt_alloc a = {0};
    fg_graph *g = fgt_graph(&a);
    add_base(g);
    if (frozen)
      assert_int_equal(fg_graph_freeze(g), FG_OK);
    fgt_snapshot before;
    fgt_snapshot_take(g, &before);
    fgt_alloc_arm(&a, k, from);
    fg_error_info err = FG_ERROR_INFO_INIT;
    int rc = fg_graph_load_catalog(g, FG_SAMPLE_DIR, NULL, &err);
    size_t failures = a.failures;
    fgt_alloc_disarm(&a);
    if (rc == FG_OK) {
      assert_int_equal(failures, 0);
      done = 1;
      fgt_expect_same_graph(g, ref);
    } else {
      if (rc != FG_ENOMEM)
        fail_msg("k=%zu: %s: %s:%lu:%lu: %s", k, fg_errstr(rc), err.file,
                 (unsigned long)err.line, (unsigned long)err.column, err.message);
      assert_true(failures > 0);
      assert_int_equal(err.status, FG_ENOMEM);
      assert_int_equal(err.rows, 0);
      assert_true(fg_errmsg(g)[0] != '\0');
      fgt_snapshot_expect(g, &before);
      assert_false(fgt_has_film(g, "miracle-in-cell-no-7-2013"));
      assert_false(fgt_has_person(g, "lee-hwan-kyung"));
    }
    expect_base_answers(g);
    fgt_snapshot_free(&before);
    fg_graph_free(g);
    assert_int_equal(a.live, 0);
  }
  assert_true(k > 10); /* the load did allocate, and each failure was seen */
  fg_graph_free(ref);
  assert_int_equal(ref_alloc.live, 0);
}

static void test_load_catalog_fail_one(void **state) {
  (void)state;
  load_sample_under_failure(0, 1);
  load_sample_under_failure(0, 0);
}

static void test_load_catalog_fail_from(void **state) {
  (void)state;
  load_sample_under_failure(1, 1);
  load_sample_under_failure(1, 0);
}

/* One table through a one-byte-at-a-time callback, lenient, with a bad
 * row: the reader's buffer growth and the skip path under failure. */
static void test_load_stream_lenient(void **state) {
  (void)state;
  static const char text[] = "key\ttitle\tyear\n"
                             "s1\tStream One\t2001\n"
                             "s2\tBad\t20x2\n"
                             "s3\tStream Three, with a longer title than the others\t2003\n";
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = FG_LOAD_LENIENT;
  for (int from = 0; from < 2; from++) {
    int done = 0;
    for (size_t k = 1; !done; k++) {
      fgt_alloc a = {0};
      fg_graph *g = fgt_graph(&a);
      add_base(g);
      fgt_snapshot before;
      fgt_snapshot_take(g, &before);
      fgt_stream st = {text, sizeof text - 1, 0, 1, 0, 0, 0};
      fg_source src = FG_SOURCE_INIT;
      src.read = fgt_stream_read;
      src.payload = &st;
      fgt_alloc_arm(&a, k, from);
      fg_error_info err = FG_ERROR_INFO_INIT;
      int rc = fg_graph_load_table(g, FG_TABLE_FILMS, &src, &opts, &err);
      size_t failures = a.failures;
      fgt_alloc_disarm(&a);
      if (rc == FG_OK) {
        assert_int_equal(failures, 0);
        assert_int_equal(err.skipped, 1);
        assert_int_equal(err.rows, 2);
        assert_true(fgt_has_film(g, "s3"));
        done = 1;
      } else {
        assert_int_equal(rc, FG_ENOMEM);
        fgt_snapshot_expect(g, &before);
        assert_false(fgt_has_film(g, "s1"));
      }
      expect_base_answers(g);
      fgt_snapshot_free(&before);
      fg_graph_free(g);
      assert_int_equal(a.live, 0);
    }
  }
}

/* ---- Queries on a loaded graph -------------------------------------------------- */

typedef struct loaded {
  fgt_alloc alloc;
  fg_graph *g;
} loaded;

static int setup_loaded(void **state) {
  loaded *l = calloc(1, sizeof *l);
  l->g = fgt_graph(&l->alloc);
  add_base(l->g);
  fgt_load_sample(l->g);
  *state = l;
  return 0;
}

static int teardown_loaded(void **state) {
  loaded *l = *state;
  fg_graph_free(l->g);
  assert_int_equal(l->alloc.live, 0);
  free(l);
  return 0;
}

static void family_films(const fg_family *fam, fg_id *out, size_t n) {
  assert_int_equal(fg_family_count(fam), n);
  for (size_t i = 0; i < n; i++) {
    fg_family_node node = FG_FAMILY_NODE_INIT;
    assert_int_equal(fg_family_get(fam, i, &node), FG_OK);
    out[i] = node.film;
  }
}

static void test_remake_family(void **state) {
  loaded *l = *state;
  fgt_alloc *a = &l->alloc;
  static const char *const keys[] = {"miracle-in-cell-no-7-2019-tr", "a-star-is-born-2018",
                                     "champ-2011", "pre-2"};
  for (size_t i = 0; i < FGT_ARRAY_LEN(keys); i++) {
    fg_id film = fgt_find_film(l->g, keys[i]);
    fg_family *ref = NULL;
    assert_int_equal(fg_film_remake_family(l->g, film, &ref), FG_OK);
    size_t n = fg_family_count(ref);
    fg_id want[16], got[16];
    assert_true(n <= 16);
    family_films(ref, want, n);
    for (int from = 0; from < 2; from++) {
      int done = 0;
      for (size_t k = 1; !done; k++) {
        long live = a->live;
        fgt_alloc_arm(a, k, from);
        fg_family *fam = (fg_family *)&fam;
        int rc = fg_film_remake_family(l->g, film, &fam);
        size_t failures = a->failures;
        fgt_alloc_disarm(a);
        if (rc == FG_OK) {
          assert_int_equal(failures, 0);
          family_films(fam, got, n);
          assert_memory_equal(got, want, n * sizeof *got);
          assert_int_equal(fg_family_flags(fam), fg_family_flags(ref));
          fg_family_free(fam);
          done = 1;
        } else {
          assert_int_equal(rc, FG_ENOMEM);
          assert_null(fam);
        }
        assert_int_equal(a->live, live); /* nothing leaked */
      }
    }
    fg_family_free(ref);
  }
}

static void test_true_story(void **state) {
  loaded *l = *state;
  fgt_alloc *a = &l->alloc;
  static const char *const keys[] = {"miracle-in-cell-no-7-2019-tr", "hachi-a-dogs-tale-2009",
                                     "a-star-is-born-2018", "pre-2", "tiger-king-2020"};
  for (size_t i = 0; i < FGT_ARRAY_LEN(keys); i++) {
    fg_id film = fgt_find_film(l->g, keys[i]);
    fg_story ref = FG_STORY_INIT;
    fg_idlist *ref_chain = NULL;
    assert_int_equal(fg_film_true_story(l->g, film, &ref, &ref_chain), FG_OK);
    for (int from = 0; from < 2; from++) {
      int done = 0;
      for (size_t k = 1; !done; k++) {
        long live = a->live;
        fgt_alloc_arm(a, k, from);
        fg_story s = FG_STORY_INIT;
        fg_idlist *chain = (fg_idlist *)&chain;
        int rc = fg_film_true_story(l->g, film, &s, &chain);
        size_t failures = a->failures;
        fgt_alloc_disarm(a);
        if (rc == FG_OK) {
          assert_int_equal(failures, 0);
          assert_int_equal(s.answer, ref.answer);
          assert_int_equal(s.original, ref.original);
          assert_int_equal(s.decided_by, ref.decided_by);
          assert_int_equal(s.origin, ref.origin);
          assert_int_equal(s.flags, ref.flags);
          assert_int_equal(fg_idlist_count(chain), fg_idlist_count(ref_chain));
          for (size_t j = 0; j < fg_idlist_count(chain); j++)
            assert_int_equal(fg_idlist_get(chain, j), fg_idlist_get(ref_chain, j));
          fg_idlist_free(chain);
          done = 1;
        } else {
          assert_int_equal(rc, FG_ENOMEM);
          assert_null(chain);
        }
        assert_int_equal(a->live, live);
      }
    }
    fg_idlist_free(ref_chain);
  }
}

/* Every list query, on a graph whose indexes must be rebuilt first (a record
 * was added since loading), under failure. */
static void test_queries_rebuilding_index(void **state) {
  loaded *l = *state;
  fgt_alloc *a = &l->alloc;
  fg_graph *g = l->g;
  for (int q = 0; q < 7; q++) {
    for (int from = 0; from < 2; from++) {
      int done = 0;
      for (size_t k = 1; !done; k++) {
        /* A new record makes the (complete) index stale. */
        assert_int_equal(fg_graph_freeze(g), FG_OK);
        char key[32];
        snprintf(key, sizeof key, "stale-%d-%d-%zu", q, from, k);
        fgt_film(g, key, "Stale", 0);
        long live = a->live;
        fgt_alloc_arm(a, k, from);
        fg_idlist *list = NULL;
        fg_id korean = 2; /* pre-1, pre-2, then the sample's first film */
        int rc;
        switch (q) {
        case 0: rc = fg_graph_search_films(g, "Miracle in Cell No. 7", 0, &list); break;
        case 1: rc = fg_graph_search_people(g, "lee hwan-kyung", &list); break;
        case 2: rc = fg_film_credits(g, korean, FG_ROLES_ALL, &list); break;
        case 3: rc = fg_person_credits(g, 0, FG_ROLES_ALL, &list); break;
        case 4: rc = fg_film_relations(g, korean, FG_DIR_BOTH, FG_RELS_ALL, &list); break;
        case 5: rc = fg_film_akas(g, korean, &list); break;
        default: rc = fg_graph_freeze(g); break;
        }
        size_t failures = a->failures;
        fgt_alloc_disarm(a);
        if (rc == FG_OK) {
          assert_int_equal(failures, 0);
          if (q < 6)
            assert_true(fg_idlist_count(list) > 0);
          fg_idlist_free(list);
          done = 1;
        } else {
          assert_int_equal(rc, FG_ENOMEM);
          assert_null(list);
          /* The call may leave a rebuilt adjacency without its search
           * tables in place of the stale index (built in full before):
           * complete it, and nothing else may remain. */
          assert_int_equal(fg_graph_freeze(g), FG_OK);
          assert_int_equal(a->live, live);
        }
        /* With memory back, the graph answers. */
        fg_idlist *check = NULL;
        assert_int_equal(fg_graph_search_films(g, "Miracle in Cell No. 7", 2013, &check), FG_OK);
        assert_int_equal(fg_idlist_count(check), 1);
        assert_int_equal(fg_idlist_get(check, 0), korean);
        fg_idlist_free(check);
      }
    }
  }
}

static int count_bytes(const void *data, size_t size, void *payload) {
  (void)data;
  *(size_t *)payload += size;
  return 0;
}

/* The writer's buffer comes from the graph's allocator too. (The header
 * lists only FG_EINVAL and FG_EIO for the writers; FG_ENOMEM is what a
 * failed allocation can only mean.) */
static void test_write_table(void **state) {
  loaded *l = *state;
  fgt_alloc *a = &l->alloc;
  for (int t = 0; t < FG_TABLE_COUNT_; t++) {
    size_t want = 0;
    assert_int_equal(fg_graph_write_table(l->g, t, count_bytes, &want), FG_OK);
    assert_true(want > 0);
    for (int from = 0; from < 2; from++) {
      int done = 0;
      for (size_t k = 1; !done; k++) {
        long live = a->live;
        size_t bytes = 0;
        fgt_alloc_arm(a, k, from);
        int rc = fg_graph_write_table(l->g, t, count_bytes, &bytes);
        size_t failures = a->failures;
        fgt_alloc_disarm(a);
        if (rc == FG_OK) {
          assert_int_equal(failures, 0);
          assert_int_equal(bytes, want);
          done = 1;
        } else {
          assert_int_equal(rc, FG_ENOMEM);
          assert_int_equal(bytes, 0);
        }
        assert_int_equal(a->live, live);
      }
    }
  }
}

/* ---- Every traversal ------------------------------------------------------- */

/* A traversal's answer as text, so that answers can be compared. */
typedef struct answer {
  char text[8192];
  size_t len;
} answer;

static void say(answer *o, const char *fmt, unsigned long x) {
  int n = snprintf(o->text + o->len, sizeof o->text - o->len, fmt, x);
  assert_true(n >= 0 && (size_t)n < sizeof o->text - o->len);
  o->len += (size_t)n;
}

static void say_list(answer *o, fg_idlist *l) {
  for (size_t i = 0; i < fg_idlist_count(l); i++) {
    say(o, "%lu", fg_idlist_get(l, i));
    say(o, "/%lu ", fg_idlist_weight(l, i));
  }
  fg_idlist_free(l);
}

static void say_path(answer *o, const fg_path *p) {
  for (size_t i = 0; i < fg_path_count(p); i++) {
    say(o, "%lx ", (unsigned long)fg_path_node(p, i));
    int kind;
    fg_id id;
    if (fg_path_step(p, i, &kind, &id) == FG_OK)
      say(o, "%lu ", (unsigned long)kind * 1000000ul + id);
  }
}

static int to_answer(const void *data, size_t size, void *payload) {
  answer *o = payload;
  if (size >= sizeof o->text - o->len)
    return 1;
  memcpy(o->text + o->len, data, size);
  o->len += size;
  o->text[o->len] = '\0';
  return 0;
}

static int on_visit(uint64_t node, uint32_t depth, void *payload) {
  say(payload, "%lx", (unsigned long)node);
  say(payload, "@%lu ", depth);
  return 0;
}

static int on_finding(const fg_finding *f, void *payload) {
  say(payload, "%lu", (unsigned long)f->kind);
  say(payload, ":%lu ", (unsigned long)f->film);
  return 0;
}

/* Run traversal number q on g; the answer in *o on success. */
static int traverse(const fg_graph *g, int q, answer *o) {
  fg_id lee, ada;
  assert_int_equal(fg_graph_find_person(g, "lee-hwan-kyung", &lee), FG_OK);
  assert_int_equal(fg_graph_find_person(g, "mehmet-ada-oztekin", &ada), FG_OK);
  uint64_t from = FG_NODE(FG_NODE_PERSON, lee), to = FG_NODE(FG_NODE_PERSON, ada);
  fg_id kr = fgt_find_film(g, "miracle-in-cell-no-7-2013");
  fg_id star = fgt_find_film(g, "a-star-is-born-2018");
  o->len = 0;
  o->text[0] = '\0';
  fg_idlist *l = NULL;
  fg_path *p = NULL;
  int rc;
  switch (q) {
  case 0:
  case 1: {
    fg_path_options opts = FG_PATH_OPTIONS_INIT;
    opts.rel_mask = q ? 0 : FG_RELS_ALL;
    rc = fg_graph_shortest_path(g, q ? FG_NODE(FG_NODE_FILM, kr) : from,
                                q ? FG_NODE(FG_NODE_FILM, star) : to, &opts, &p);
    if (rc == FG_OK)
      say_path(o, p);
    else if (rc == FG_ENOTFOUND)
      rc = FG_OK, say(o, "none %lu", 0);
    break;
  }
  case 2: {
    uint32_t steps = 0;
    rc = fg_graph_distance(g, from, to, NULL, &steps);
    say(o, "%lu", steps);
    break;
  }
  case 3:
    rc = fg_graph_people_within(g, from, 6, NULL, &l);
    if (rc == FG_OK)
      say_list(o, l);
    break;
  case 4:
  case 5: {
    fg_walk_options w = FG_WALK_OPTIONS_INIT;
    w.order = q == 4 ? FG_WALK_BFS : FG_WALK_DFS;
    w.max_depth = 4;
    rc = fg_graph_walk(g, from, &w, on_visit, o);
    break;
  }
  case 6: {
    fg_components *c = NULL;
    rc = fg_graph_components(g, FG_REL_MASK(FG_REL_REMAKE_OF), &c);
    if (rc == FG_OK) {
      say(o, "%lu: ", fg_components_count(c));
      for (size_t i = 0; i < 4 && i < fg_components_count(c); i++)
        say(o, "%lu ", fg_components_size(c, i));
      rc = fg_components_films(c, 0, &l);
      if (rc == FG_OK)
        say_list(o, l);
    }
    fg_components_free(c);
    break;
  }
  case 7: {
    size_t n = 0;
    rc = fg_graph_check(g, on_finding, o, &n);
    say(o, "%lu", n);
    break;
  }
  case 8:
    rc = fg_person_collaborators(g, lee, FG_ROLES_ALL, &l);
    if (rc == FG_OK)
      say_list(o, l);
    break;
  case 9: {
    fg_degree_stats d = FG_DEGREE_STATS_INIT;
    rc = fg_graph_degree_stats(g, FG_TABLE_PEOPLE, &d);
    say(o, "%lu ", d.max);
    say(o, "%lu ", d.max_id);
    say(o, "%lu", d.p99);
    break;
  }
  case 10:
    rc = fg_graph_shortest_path(g, from, to, NULL, &p);
    if (rc == FG_OK)
      rc = fg_path_dot(g, p, to_answer, o);
    break;
  default:
    rc = fg_film_family_dot(g, kr, to_answer, o);
    break;
  }
  fg_path_free(p);
  return rc;
}

/* Every traversal under allocation failure, on a frozen graph: each
 * failure is FG_ENOMEM, leaks nothing, and the next call answers as
 * before. */
static void test_traversals(void **state) {
  loaded *l = *state;
  fgt_alloc *a = &l->alloc;
  assert_int_equal(fg_graph_freeze(l->g), FG_OK);
  static answer want, got;
  for (int q = 0; q < 12; q++) {
    assert_int_equal(traverse(l->g, q, &want), FG_OK);
    assert_true(want.len > 0);
    for (int from = 0; from < 2; from++) {
      int done = 0;
      for (size_t k = 1; !done; k++) {
        long live = a->live;
        fgt_alloc_arm(a, k, from);
        int rc = traverse(l->g, q, &got);
        size_t failures = a->failures;
        fgt_alloc_disarm(a);
        if (rc == FG_OK) {
          assert_int_equal(failures, 0);
          assert_string_equal(got.text, want.text);
          done = 1;
        } else {
          assert_int_equal(rc, FG_ENOMEM);
        }
        assert_int_equal(a->live, live); /* nothing leaked */
        assert_int_equal(traverse(l->g, q, &got), FG_OK);
        assert_string_equal(got.text, want.text);
      }
    }
  }
  expect_base_answers(l->g);
}

int main(void) {
  const struct CMUnitTest fresh[] = {
      cmocka_unit_test(test_new_graph),
      cmocka_unit_test(test_add_records),
      cmocka_unit_test(test_load_catalog_fail_one),
      cmocka_unit_test(test_load_catalog_fail_from),
      cmocka_unit_test(test_load_stream_lenient),
  };
  const struct CMUnitTest on_loaded[] = {
      cmocka_unit_test_setup_teardown(test_remake_family, setup_loaded, teardown_loaded),
      cmocka_unit_test_setup_teardown(test_true_story, setup_loaded, teardown_loaded),
      cmocka_unit_test_setup_teardown(test_queries_rebuilding_index, setup_loaded,
                                      teardown_loaded),
      cmocka_unit_test_setup_teardown(test_write_table, setup_loaded, teardown_loaded),
      cmocka_unit_test_setup_teardown(test_traversals, setup_loaded, teardown_loaded),
  };
  int failed = cmocka_run_group_tests_name("fresh graphs", fresh, NULL, NULL);
  failed += cmocka_run_group_tests_name("loaded graph", on_loaded, NULL, NULL);
  return failed;
}
