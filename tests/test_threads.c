/* Four threads read one frozen graph at once: lookups, searches, families,
 * verdicts, credits, paths, people within k, components and the check.
 * Run under ThreadSanitizer in CI (-DFG_SANITIZE=thread). */
#include "test_util.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define THREADS 4
#define ROUNDS 200

typedef struct job {
  const fg_graph *g;
  int id;
  size_t answers; /* a checksum of what was read, compared across threads */
} job;

static void *reader(void *arg) {
  job *j = arg;
  const fg_graph *g = j->g;
  size_t nf = fg_graph_count(g, FG_TABLE_FILMS), np = fg_graph_count(g, FG_TABLE_PEOPLE);
  for (int round = 0; round < ROUNDS; round++) {
    for (fg_id f = 0; f < nf; f++) {
      fg_film film = FG_FILM_INIT;
      if (fg_graph_film(g, f, &film) != FG_OK)
        return NULL;
      fg_id back;
      if (fg_graph_find_film(g, film.key, &back) == FG_OK && back == f)
        j->answers++;
      fg_idlist *l = NULL;
      if (fg_graph_search_films(g, film.title, film.year, &l) == FG_OK)
        j->answers += fg_idlist_count(l);
      fg_idlist_free(l);
      fg_family *fam = NULL;
      if (fg_film_remake_family(g, f, &fam) == FG_OK)
        j->answers += fg_family_count(fam);
      fg_family_free(fam);
      fg_story s = FG_STORY_INIT;
      if (fg_film_true_story(g, f, &s, NULL) == FG_OK)
        j->answers += (size_t)s.answer;
      if (fg_film_credits(g, f, FG_ROLES_ALL, &l) == FG_OK)
        j->answers += fg_idlist_count(l);
      fg_idlist_free(l);
      fg_path *p = NULL;
      if (fg_graph_shortest_path(g, FG_NODE(FG_NODE_FILM, f),
                                 FG_NODE(FG_NODE_FILM, (f + (fg_id)j->id + 1) % nf), NULL,
                                 &p) == FG_OK)
        j->answers += fg_path_count(p);
      fg_path_free(p);
    }
    for (fg_id p = 0; p < np; p++) {
      fg_idlist *l = NULL;
      if (fg_person_collaborators(g, p, FG_ROLES_ALL, &l) == FG_OK)
        j->answers += fg_idlist_count(l);
      fg_idlist_free(l);
      if (fg_graph_people_within(g, FG_NODE(FG_NODE_PERSON, p), 2, NULL, &l) == FG_OK)
        j->answers += fg_idlist_count(l);
      fg_idlist_free(l);
    }
    fg_components *c = NULL;
    if (fg_graph_components(g, FG_RELS_ALL, &c) == FG_OK)
      j->answers += fg_components_count(c);
    fg_components_free(c);
    size_t findings;
    if (fg_graph_check(g, NULL, NULL, &findings) == FG_OK)
      j->answers += findings + 1;
  }
  return NULL;
}

static void test_concurrent_reads(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  fgt_load_sample(g);
  assert_int_equal(fg_graph_freeze(g), FG_OK);
  pthread_t threads[THREADS];
  job jobs[THREADS];
  for (int i = 0; i < THREADS; i++) {
    jobs[i].g = g, jobs[i].id = 0, jobs[i].answers = 0; /* the same work in each */
    assert_int_equal(pthread_create(&threads[i], NULL, reader, &jobs[i]), 0);
  }
  for (int i = 0; i < THREADS; i++)
    assert_int_equal(pthread_join(threads[i], NULL), 0);
  /* Every thread read the same answers as one thread alone. */
  job alone = {g, 0, 0};
  reader(&alone);
  assert_true(alone.answers > 0);
  for (int i = 0; i < THREADS; i++)
    assert_int_equal(jobs[i].answers, alone.answers);
  fg_graph_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_concurrent_reads),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
