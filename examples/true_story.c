/* Is a film based on a true story? Build: cc true_story.c $(pkg-config --cflags --libs filmgraph)
 * Run:   ./true_story CATALOG_DIR "7. Koğuştaki Mucize" */
#include <filmgraph.h>
#include <stdio.h>

int main(int argc, char **argv) {
  fg_graph *g;
  fg_idlist *hits;
  fg_story story = FG_STORY_INIT;
  if (argc != 3 || fg_graph_new(NULL, &g) != FG_OK) return 2;
  if (fg_graph_load_catalog(g, argv[1], NULL, NULL) != FG_OK) {
    fprintf(stderr, "%s\n", fg_errmsg(g));
    return 3;
  }
  if (fg_graph_search_films(g, argv[2], 0, &hits) == FG_OK && fg_idlist_count(hits) == 1 &&
      fg_film_true_story(g, fg_idlist_get(hits, 0), &story, NULL) == FG_OK) {
    fg_film original = FG_FILM_INIT;
    fg_graph_film(g, story.original, &original);
    printf("%s (the original: %s, %d)\n", fg_answer_name(story.answer), original.title,
           (int)original.year);
  }
  fg_idlist_free(hits);
  fg_graph_free(g);
  return story.film == FG_ID_NONE;
}
