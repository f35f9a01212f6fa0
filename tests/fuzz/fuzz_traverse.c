/* libFuzzer target: a catalogue of fuzzed films, relations and credits,
 * then every query: on each film, remake family and its picture,
 * true-story verdict, shortest paths, credits, relations, title search;
 * then collaborators, people within reach, walks, components, the check
 * and name search. The input is split into films.tsv, relations.tsv and
 * credits.tsv bodies at 0xFF bytes (never valid in UTF-8 text); each gets
 * a fixed header.
 *
 * The per-film queries each cost up to the size of the graph, so running
 * them on every film is quadratic: a 4096-byte input (-max_len) holds a
 * remake chain of about 150 films, which took 88 ms a run that way. They
 * run on at most PER_FILM films, the first and the last PER_FILM / 2 (the
 * ends of chains loaded in order): 9 ms. The whole-graph queries (walks,
 * components, the check) still cover every film. */
#include "filmgraph.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Every credit step of a path joins the person and the film on either
 * side of it. */
static int steps_join(const fg_graph *g, const fg_path *p) {
  for (size_t i = 0; i + 1 < fg_path_count(p); i++) {
    int kind;
    fg_id id;
    if (fg_path_step(p, i, &kind, &id) != FG_OK)
      return 0;
    if (kind != FG_STEP_CREDIT)
      continue;
    fg_credit c = FG_CREDIT_INIT;
    if (fg_graph_credit(g, id, &c) != FG_OK)
      return 0;
    uint64_t a = fg_path_node(p, i), b = fg_path_node(p, i + 1);
    uint64_t film = FG_NODE(FG_NODE_FILM, c.film), person = FG_NODE(FG_NODE_PERSON, c.person);
    if (!((a == film && b == person) || (a == person && b == film)))
      return 0;
  }
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PER_FILM 16

static int discard(const void *data, size_t size, void *payload) {
  (void)data, (void)size, (void)payload;
  return 0;
}

static void load(fg_graph *g, int table, const char *header, const uint8_t *body, size_t n) {
  size_t hl = strlen(header);
  char *text = malloc(hl + n + 1);
  if (!text)
    return;
  memcpy(text, header, hl);
  memcpy(text + hl, body, n);
  fg_source src = FG_SOURCE_INIT;
  src.data = text;
  src.size = hl + n;
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = FG_LOAD_LENIENT;
  opts.max_line = 4096;
  fg_graph_load_table(g, table, &src, &opts, NULL);
  free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fg_graph *g;
  if (fg_graph_new(NULL, &g) != FG_OK)
    return 0;
  fg_person p = FG_PERSON_INIT;
  p.key = "p", p.name = "P";
  fg_graph_add_person(g, &p, NULL);
  static const char *const headers[3] = {
      "key\ttitle\tyear\torigin\n", "from\trelation\tto\tflags\n",
      "film\tperson\trole\tbilling\n"};
  static const int tables[3] = {FG_TABLE_FILMS, FG_TABLE_RELATIONS, FG_TABLE_CREDITS};
  size_t start = 0;
  for (int part = 0; part < 3; part++) {
    size_t end = start;
    while (end < size && data[end] != 0xFF)
      end++;
    load(g, tables[part], headers[part], data + start, end - start);
    start = end < size ? end + 1 : size;
  }
  if (fg_graph_freeze(g) != FG_OK)
    abort();
  size_t nf = fg_graph_count(g, FG_TABLE_FILMS);
  for (fg_id f = 0; f < nf; f++) {
    if (nf > PER_FILM && f == PER_FILM / 2)
      f = (fg_id)(nf - PER_FILM / 2); /* skip to the last PER_FILM / 2 */
    fg_family *fam = NULL;
    if (fg_film_remake_family(g, f, &fam) != FG_OK)
      abort();
    if (fg_family_count(fam) < 1 || fg_family_count(fam) > nf)
      abort();
    fg_family_free(fam);
    fg_story s = FG_STORY_INIT;
    fg_idlist *chain = NULL;
    if (fg_film_true_story(g, f, &s, &chain) != FG_OK || fg_idlist_count(chain) >= nf)
      abort();
    fg_idlist_free(chain);
    fg_idlist *l = NULL;
    fg_film_credits(g, f, FG_ROLES_ALL, &l);
    fg_idlist_free(l);
    fg_film_relations(g, f, FG_DIR_BOTH, FG_RELS_ALL, &l);
    fg_idlist_free(l);
    fg_film_remakes(g, f, &l);
    fg_idlist_free(l);
    if (fg_film_family_dot(g, f, discard, NULL) != FG_OK)
      abort();
    fg_path *path = NULL;
    int rc = fg_graph_shortest_path(g, FG_NODE(FG_NODE_FILM, f), FG_NODE(FG_NODE_FILM, 0), NULL,
                                    &path);
    if (rc != FG_OK && rc != FG_ENOTFOUND)
      abort();
    if (rc == FG_OK && fg_path_node(path, fg_path_count(path) - 1) != FG_NODE(FG_NODE_FILM, 0))
      abort();
    fg_path_free(path);
    rc = fg_graph_shortest_path(g, FG_NODE(FG_NODE_FILM, f), FG_NODE(FG_NODE_PERSON, 0), NULL,
                                &path);
    if (rc != FG_OK && rc != FG_ENOTFOUND)
      abort();
    if (rc == FG_OK && !steps_join(g, path))
      abort();
    fg_path_free(path);
    fg_film film = FG_FILM_INIT;
    fg_graph_film(g, f, &film);
    if (fg_graph_search_films(g, film.title, film.year, &l) != FG_OK || fg_idlist_count(l) < 1)
      abort(); /* a film is found by its own title */
    fg_idlist_free(l);
  }
  size_t findings;
  if (fg_graph_check(g, NULL, NULL, &findings) != FG_OK)
    abort();
  fg_idlist *l = NULL;
  fg_person_collaborators(g, 0, FG_ROLES_ALL, &l);
  fg_idlist_free(l);
  if (fg_graph_people_within(g, FG_NODE(FG_NODE_PERSON, 0), 6, NULL, &l) != FG_OK)
    abort();
  fg_idlist_free(l);
  for (int order = FG_WALK_BFS; order <= FG_WALK_DFS; order++) {
    fg_walk_options wo = FG_WALK_OPTIONS_INIT;
    wo.order = order;
    fg_walk *w = NULL;
    if (nf && fg_walk_new(g, FG_NODE(FG_NODE_FILM, 0), &wo, &w) == FG_OK) {
      uint64_t node;
      uint32_t depth;
      size_t seen = 0;
      while (fg_walk_next(w, &node, &depth) == FG_OK)
        if (++seen > nf + fg_graph_count(g, FG_TABLE_PEOPLE))
          abort(); /* a node visited twice */
      fg_walk_free(w);
    }
  }
  fg_components *comps = NULL;
  if (fg_graph_components(g, FG_RELS_ALL, &comps) != FG_OK)
    abort();
  size_t total = 0;
  for (size_t i = 0; i < fg_components_count(comps); i++)
    total += fg_components_size(comps, i);
  if (total != nf)
    abort(); /* every film in exactly one component */
  fg_components_free(comps);
  if (fg_person_credits(g, 0, FG_ROLES_ALL, &l) == FG_OK) {
    /* exactly person 0's credits, each once */
    size_t nc = fg_graph_count(g, FG_TABLE_CREDITS), mine = 0;
    for (fg_id c = 0; c < nc; c++) {
      fg_credit cr = FG_CREDIT_INIT;
      if (fg_graph_credit(g, c, &cr) == FG_OK && cr.person == 0)
        mine++;
    }
    if (fg_idlist_count(l) != mine)
      abort();
    for (size_t i = 0; i < fg_idlist_count(l); i++) {
      fg_credit cr = FG_CREDIT_INIT;
      if (fg_graph_credit(g, fg_idlist_get(l, i), &cr) != FG_OK || cr.person != 0)
        abort();
      if (i && fg_idlist_get(l, i) == fg_idlist_get(l, i - 1))
        abort();
    }
  }
  fg_idlist_free(l);
  fg_graph_search_people(g, "P", &l);
  fg_idlist_free(l);
  fg_graph_free(g);
  return 0;
}
