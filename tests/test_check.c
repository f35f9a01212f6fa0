/* fg_graph_check's findings and fg_film_family_dot's pictures. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct findings {
  fg_finding items[32];
  size_t count;
  size_t stop_after; /* 0: never stop */
} findings;

static int collect(const fg_finding *f, void *payload) {
  findings *fs = payload;
  assert_int_equal(f->version, FG_FINDING_VERSION);
  if (fs->count < 32)
    fs->items[fs->count] = *f;
  fs->count++;
  return fs->stop_after && fs->count >= fs->stop_after;
}

static void test_check_clean_graph(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_load_sample(g);
  findings fs = {.count = 0};
  size_t count = 99;
  assert_int_equal(fg_graph_check(g, collect, &fs, &count), FG_OK);
  assert_int_equal(count, 0);
  assert_int_equal(fs.count, 0);
  assert_int_equal(fg_graph_check(g, NULL, NULL, NULL), FG_OK);
  assert_int_equal(fg_graph_check(NULL, NULL, NULL, &count), FG_EINVAL);
  fg_graph_free(g);
}

static void test_check_each_kind(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fg_id a = fgt_film(g, "a", "A", 1990), b = fgt_film(g, "b", "B", 2000);
  fg_id c = fgt_film(g, "c", "C", 1995), d = fgt_film(g, "d", "D", 0);
  fg_id x = fgt_film(g, "x", "X", 1950), y = fgt_film(g, "y", "Y", 1960);
  fg_id tail = fgt_film(g, "tail", "Tail", 2020);
  /* a loop of three (b -> c -> d -> b), with a tail remaking into it */
  fg_id r0 = fgt_relation(g, b, FG_REL_REMAKE_OF, c, 0);
  fgt_relation(g, c, FG_REL_REMAKE_OF, d, 0);
  fgt_relation(g, d, FG_REL_REMAKE_OF, b, 0);
  fgt_relation(g, tail, FG_REL_REMAKE_OF, b, 0);
  /* a remake dated before its original: a (1990) remakes b (2000) */
  fg_id older = fgt_relation(g, a, FG_REL_REMAKE_OF, b, 0);
  /* x follows y and y follows x; a symmetric pair is fine */
  fgt_relation(g, x, FG_REL_FOLLOWS, y, 0);
  fg_id contra = fgt_relation(g, y, FG_REL_FOLLOWS, x, 0);
  fgt_relation(g, x, FG_REL_VERSION_OF, y, 0);
  fgt_relation(g, y, FG_REL_VERSION_OF, x, 0);
  /* the same relation twice */
  fg_id dup = fgt_relation(g, x, FG_REL_REFERENCES, a, 0);
  fg_id dup2 = fgt_relation(g, x, FG_REL_REFERENCES, a, FG_RELF_UNOFFICIAL);
  (void)dup;
  findings fs = {.count = 0};
  size_t count;
  assert_int_equal(fg_graph_check(g, collect, &fs, &count), FG_OK);
  assert_int_equal(count, 4);
  assert_int_equal(fs.items[0].kind, FG_CHECK_REMAKE_OLDER);
  assert_int_equal(fs.items[0].film, a);
  assert_int_equal(fs.items[0].other, b);
  assert_int_equal(fs.items[0].relation, older);
  assert_int_equal(fs.items[1].kind, FG_CHECK_CONTRADICTION);
  assert_int_equal(fs.items[1].relation, contra);
  assert_int_equal(fs.items[2].kind, FG_CHECK_DUPLICATE);
  assert_int_equal(fs.items[2].relation, dup2);
  /* one loop, named by its lowest film id, whatever leads into it */
  assert_int_equal(fs.items[3].kind, FG_CHECK_REMAKE_CYCLE);
  assert_int_equal(fs.items[3].film, b);
  assert_int_equal(fs.items[3].other, c);
  assert_int_equal(fs.items[3].relation, r0);
  assert_string_equal(fg_check_name(FG_CHECK_REMAKE_CYCLE), "remake_cycle");
  assert_string_equal(fg_check_name(FG_CHECK_DUPLICATE), "duplicate");
  assert_null(fg_check_name(0));
  assert_null(fg_check_name(FG_CHECK_KIND_COUNT_));
  /* A stop from the callback ends the check. */
  findings stop = {.count = 0, .stop_after = 2};
  assert_int_equal(fg_graph_check(g, collect, &stop, &count), FG_OK);
  assert_int_equal(count, 2);
  fg_graph_free(g);
}

/* Two separate loops and a long chain: each loop once, no recursion. */
static void test_check_many_loops(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  enum { N = 100000 };
  char key[32];
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof key, "f%d", i);
    fgt_film(g, key, key, 0);
  }
  for (int i = 1; i < N; i++)
    fgt_relation(g, (fg_id)i, FG_REL_REMAKE_OF, (fg_id)(i - 1), 0);
  fgt_relation(g, 0, FG_REL_REMAKE_OF, N - 1, 0);     /* one huge loop */
  fg_id p = fgt_film(g, "p", "P", 0), q = fgt_film(g, "q", "Q", 0);
  fgt_relation(g, p, FG_REL_REMAKE_OF, q, 0);
  fgt_relation(g, q, FG_REL_REMAKE_OF, p, 0);
  findings fs = {.count = 0};
  size_t count;
  assert_int_equal(fg_graph_check(g, collect, &fs, &count), FG_OK);
  assert_int_equal(count, 2);
  assert_int_equal(fs.items[0].kind, FG_CHECK_REMAKE_CYCLE);
  assert_int_equal(fs.items[0].film, 0);
  assert_int_equal(fs.items[1].film, p);
  fg_graph_free(g);
}

typedef struct buffer {
  char *data;
  size_t len;
  int fail;
} buffer;

static int to_buffer(const void *data, size_t size, void *payload) {
  buffer *b = payload;
  if (b->fail)
    return -1;
  b->data = realloc(b->data, b->len + size + 1);
  memcpy(b->data + b->len, data, size);
  b->len += size;
  b->data[b->len] = '\0';
  return 0;
}

/* Graphviz accepts the text, when it is installed (CI installs it). */
static void expect_graphviz_accepts(const char *dot_text) {
  if (system("command -v dot >/dev/null 2>&1") != 0)
    return;
  char path[] = "/tmp/fgdot-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *fp = fdopen(fd, "w");
  fputs(dot_text, fp);
  fclose(fp);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "dot -Tsvg %s >/dev/null 2>&1", path);
  assert_int_equal(system(cmd), 0);
  remove(path);
}

static void test_family_dot(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_load_sample(g);
  fg_id pv = fgt_find_film(g, "pushpaka-vimana-2017");
  buffer b = {NULL, 0, 0};
  assert_int_equal(fg_film_family_dot(g, pv, to_buffer, &b), FG_OK);
  assert_true(strncmp(b.data, "digraph remakes {\n", 18) == 0);
  fg_id kr = fgt_find_film(g, "miracle-in-cell-no-7-2013");
  char want[160];
  snprintf(want, sizeof want, "  f%u [label=\"Miracle in Cell No. 7\\n2013, KR\"];\n", kr);
  assert_non_null(strstr(b.data, want));
  snprintf(want, sizeof want, "  f%u [label=\"Pushpaka Vimana\\n2017, IN\", style=bold];\n", pv);
  assert_non_null(strstr(b.data, want));
  snprintf(want, sizeof want, "  f%u -> f%u [label=\"remake of (unofficial)\", style=dashed];\n",
           pv, kr);
  assert_non_null(strstr(b.data, want));
  /* Five films, four edges, and the closing brace. */
  size_t edges = 0;
  for (const char *s = b.data; (s = strstr(s, " -> ")); s++)
    edges++;
  assert_int_equal(edges, 4);
  assert_true(b.len > 2 && strcmp(b.data + b.len - 2, "}\n") == 0);
  expect_graphviz_accepts(b.data);
  free(b.data);
  /* Quotes and backslashes in titles are escaped. */
  fg_graph *h = fgt_graph(NULL);
  fg_id o = fgt_film(h, "o", "Say \"Hi\" \\ Bye", 1999);
  fgt_relation(h, fgt_film(h, "r", "R", 2001), FG_REL_REMAKE_OF, o, 0);
  b.data = NULL, b.len = 0;
  assert_int_equal(fg_film_family_dot(h, o, to_buffer, &b), FG_OK);
  assert_non_null(strstr(b.data, "label=\"Say \\\"Hi\\\" \\\\ Bye\\n1999\""));
  free(b.data);
  b.data = NULL, b.len = 0, b.fail = 1;
  assert_int_equal(fg_film_family_dot(h, o, to_buffer, &b), FG_EIO);
  assert_int_equal(fg_film_family_dot(h, 99, to_buffer, &b), FG_ENOTFOUND);
  assert_int_equal(fg_film_family_dot(h, o, NULL, &b), FG_EINVAL);
  free(b.data);
  fg_graph_free(h);
  fg_graph_free(g);
}

/* A path as DOT: people as ellipses, films as boxes, each step labelled;
 * Graphviz accepts it when installed. */
static void test_path_dot(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_load_sample(g);
  fg_id kr = fgt_find_film(g, "miracle-in-cell-no-7-2013");
  fg_id tr = fgt_find_film(g, "miracle-in-cell-no-7-2019-tr");
  fg_id lee, ada;
  assert_int_equal(fg_graph_find_person(g, "lee-hwan-kyung", &lee), FG_OK);
  assert_int_equal(fg_graph_find_person(g, "mehmet-ada-oztekin", &ada), FG_OK);
  fg_path *p = NULL;
  assert_int_equal(fg_graph_shortest_path(g, FG_NODE(FG_NODE_PERSON, lee),
                                          FG_NODE(FG_NODE_PERSON, ada), NULL, &p),
                   FG_OK);
  buffer b = {NULL, 0, 0};
  assert_int_equal(fg_path_dot(g, p, to_buffer, &b), FG_OK);
  char want[200];
  snprintf(want, sizeof want,
           "graph path {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n"
           "  edge [fontname=\"Helvetica\", fontsize=10];\n"
           "  p%u [shape=ellipse, label=\"Lee Hwan-kyung\"];\n",
           lee);
  assert_true(strncmp(b.data, want, strlen(want)) == 0);
  snprintf(want, sizeof want, "  f%u [shape=box, label=\"Miracle in Cell No. 7\\n2013, KR\"];\n",
           kr);
  assert_non_null(strstr(b.data, want));
  snprintf(want, sizeof want, "  p%u -- f%u [label=\"director\"];\n", lee, kr);
  assert_non_null(strstr(b.data, want));
  snprintf(want, sizeof want, "  f%u -- f%u [label=\"remade as\"];\n", kr, tr);
  assert_non_null(strstr(b.data, want));
  snprintf(want, sizeof want, "  f%u -- p%u [label=\"director\"];\n}\n", tr, ada);
  assert_true(b.len > strlen(want) && strcmp(b.data + b.len - strlen(want), want) == 0);
  expect_graphviz_accepts(b.data);
  free(b.data);
  b.data = NULL, b.len = 0, b.fail = 1;
  assert_int_equal(fg_path_dot(g, p, to_buffer, &b), FG_EIO);
  free(b.data);
  assert_int_equal(fg_path_dot(g, NULL, to_buffer, &b), FG_EINVAL);
  assert_int_equal(fg_path_dot(g, p, NULL, &b), FG_EINVAL);
  /* A path from another, larger graph names nodes this one lacks. */
  fg_graph *small = fgt_graph(NULL);
  assert_int_equal(fg_path_dot(small, p, to_buffer, &b), FG_EINVAL);
  fg_graph_free(small);
  fg_path_free(p);
  fg_graph_free(g);
}

static void test_components(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_load_sample(g);
  fg_components *c = NULL;
  assert_int_equal(fg_graph_components(g, FG_REL_MASK(FG_REL_REMAKE_OF), &c), FG_OK);
  size_t nf = fg_graph_count(g, FG_TABLE_FILMS), total = 0;
  for (size_t i = 0; i < fg_components_count(c); i++) {
    total += fg_components_size(c, i);
    if (i)
      assert_true(fg_components_size(c, i) <= fg_components_size(c, i - 1));
  }
  assert_int_equal(total, nf);
  /* The two families of five: Miracle in Cell No. 7 (lower ids) first. */
  assert_int_equal(fg_components_size(c, 0), 5);
  assert_int_equal(fg_components_size(c, 1), 5);
  fg_id kr = fgt_find_film(g, "miracle-in-cell-no-7-2013");
  fg_id id2019 = fgt_find_film(g, "miracle-in-cell-no-7-2019-ph");
  assert_int_equal(fg_components_of(c, kr), 0);
  assert_int_equal(fg_components_of(c, id2019), 0);
  assert_int_equal(fg_components_of(c, fgt_find_film(g, "a-star-is-born-2018")), 1);
  assert_int_equal(fg_components_size(c, 2), 3);
  fg_idlist *films = NULL;
  assert_int_equal(fg_components_films(c, 0, &films), FG_OK);
  assert_int_equal(fg_idlist_count(films), 5);
  for (size_t i = 1; i < 5; i++)
    assert_true(fg_idlist_get(films, i) > fg_idlist_get(films, i - 1));
  assert_int_equal(fg_idlist_get(films, 0), kr);
  fg_idlist_free(films);
  /* Titanic has no remakes: a component of one. */
  uint32_t t = fg_components_of(c, fgt_find_film(g, "titanic-1997"));
  assert_int_equal(fg_components_size(c, t), 1);
  assert_int_equal(fg_components_films(c, fg_components_count(c), &films), FG_ENOTFOUND);
  assert_int_equal(fg_components_of(c, 999999), FG_ID_NONE);
  fg_components_free(c);
  /* With every relation type, follows joins more. */
  assert_int_equal(fg_graph_components(g, FG_RELS_ALL, &c), FG_OK);
  assert_int_equal(fg_components_size(c, 0), 5);
  assert_int_equal(fg_components_of(c, fgt_find_film(g, "return-of-the-seven-1966")),
                   fg_components_of(c, fgt_find_film(g, "seven-samurai-1954")));
  fg_components_free(c);
  /* No relations at all: every film alone; an empty graph: none. */
  assert_int_equal(fg_graph_components(g, 0, &c), FG_OK);
  assert_int_equal(fg_components_count(c), nf);
  fg_components_free(c);
  fg_graph *e = fgt_graph(NULL);
  assert_int_equal(fg_graph_components(e, FG_RELS_ALL, &c), FG_OK);
  assert_int_equal(fg_components_count(c), 0);
  fg_components_free(c);
  fg_graph_free(e);
  assert_int_equal(fg_graph_components(NULL, FG_RELS_ALL, &c), FG_EINVAL);
  fg_graph_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_check_clean_graph),
      cmocka_unit_test(test_check_each_kind),
      cmocka_unit_test(test_check_many_loops),
      cmocka_unit_test(test_family_dot),
      cmocka_unit_test(test_path_dot),
      cmocka_unit_test(test_components),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
