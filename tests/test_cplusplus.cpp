// filmgraph.h from C++: extern "C" linkage, the INIT macros as aggregate
// initialisers, and a few calls through the C ABI. No test framework: the
// exit status is the verdict.
#include "filmgraph.h"

#include <cstdio>
#include <cstring>

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

int main() {
  CHECK(std::strcmp(fg_version(), FG_VERSION_STRING) == 0);
  CHECK(fg_version_number() == FG_VERSION_NUMBER);
  CHECK(std::strcmp(fg_errstr(FG_ENOMEM), "out of memory") == 0);

  fg_graph *g = NULL;
  fg_graph_options opts = FG_GRAPH_OPTIONS_INIT;
  CHECK(fg_graph_new(&opts, &g) == FG_OK);
  if (!g)
    return 1;

  fg_film orig = FG_FILM_INIT;
  orig.key = "orig";
  orig.title = "Hachik\xC5\x8D Monogatari";
  orig.year = 1987;
  orig.origin = FG_ORIGIN_TRUE_EVENTS;
  fg_id a = FG_ID_NONE, b = FG_ID_NONE;
  CHECK(fg_graph_add_film(g, &orig, &a) == FG_OK);
  fg_film remake = FG_FILM_INIT;
  remake.key = "remake";
  remake.title = "Hachi: A Dog's Tale";
  remake.year = 2009;
  CHECK(fg_graph_add_film(g, &remake, &b) == FG_OK);
  fg_relation rel = FG_RELATION_INIT;
  rel.from = b;
  rel.to = a;
  rel.type = FG_REL_REMAKE_OF;
  CHECK(fg_graph_add_relation(g, &rel, NULL) == FG_OK);

  fg_story story = FG_STORY_INIT;
  fg_idlist *chain = NULL;
  CHECK(fg_film_true_story(g, b, &story, &chain) == FG_OK);
  CHECK(story.answer == FG_ANSWER_YES);
  CHECK(story.original == a);
  CHECK(fg_idlist_count(chain) == 1);
  fg_idlist_free(chain);

  fg_idlist *found = NULL;
  CHECK(fg_graph_search_films(g, "HACHIK\xC5\x8C MONOGATARI", 0, &found) == FG_OK);
  CHECK(fg_idlist_count(found) == 1 && fg_idlist_get(found, 0) == a);
  fg_idlist_free(found);

  fg_family *fam = NULL;
  CHECK(fg_film_remake_family(g, a, &fam) == FG_OK);
  CHECK(fg_family_count(fam) == 2);
  fg_family_node node = FG_FAMILY_NODE_INIT;
  CHECK(fg_family_get(fam, 1, &node) == FG_OK && node.film == b && node.depth == 1);
  fg_family_free(fam);

  fg_error_info err = FG_ERROR_INFO_INIT;
  fg_source src = FG_SOURCE_INIT;
  static const char text[] = "key\ttitle\nx\tX\n";
  src.data = text;
  src.size = sizeof text - 1;
  fg_load_options lo = FG_LOAD_OPTIONS_INIT;
  CHECK(fg_graph_load_table(g, FG_TABLE_FILMS, &src, &lo, &err) == FG_OK);
  CHECK(fg_graph_count(g, FG_TABLE_FILMS) == 3);
  fg_graph_free(g);

  if (failures)
    std::fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
