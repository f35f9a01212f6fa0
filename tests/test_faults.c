/* Reads that fail part way, at every position: each load reports an I/O
 * error with where it was, and the graph is exactly as before. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Load `data` through a callback that fails after k bytes, for every k. */
static void fail_everywhere(fg_graph *g, int imdb, int file, const char *data, size_t size) {
  fgt_snapshot before;
  fgt_snapshot_take(g, &before);
  size_t step = size > 4000 ? size / 997 : 1; /* every byte of small files */
  for (size_t k = 0; k < size; k += step) {
    fgt_stream s = {data, size, 0, 1 + k % 7, k, -5, 0};
    fg_source src = FG_SOURCE_INIT;
    src.read = fgt_stream_read;
    src.payload = &s;
    src.name = "stream";
    fg_error_info err = FG_ERROR_INFO_INIT;
    int rc = imdb ? fg_graph_load_imdb_file(g, file, &src, NULL, &err)
                  : fg_graph_load_table(g, file, &src, NULL, &err);
    assert_int_equal(rc, FG_EIO);
    assert_int_equal(err.status, FG_EIO);
    char want[64];
    snprintf(want, sizeof want, "after byte %zu", k);
    assert_non_null(strstr(err.message, want));
    assert_non_null(strstr(fg_errmsg(g), want));
    fgt_snapshot_expect(g, &before);
  }
  fgt_snapshot_free(&before);
}

static void test_catalog_tables_fail_everywhere(void **state) {
  (void)state;
  static const char *const files[FG_TABLE_COUNT_] = {"films", "people", "credits", "akas",
                                                     "relations"};
  fg_graph *g = fgt_graph(NULL);
  fgt_film(g, "already", "Already Here", 1990);
  /* Each table of the sample, failing at every position, into a graph
   * that holds the tables before it. */
  static const int order[FG_TABLE_COUNT_] = {FG_TABLE_FILMS, FG_TABLE_PEOPLE, FG_TABLE_AKAS,
                                             FG_TABLE_CREDITS, FG_TABLE_RELATIONS};
  for (int i = 0; i < FG_TABLE_COUNT_; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s.tsv", FG_SAMPLE_DIR, files[order[i]]);
    size_t size;
    char *data = fgt_read_file(path, &size);
    assert_non_null(data);
    fail_everywhere(g, 0, order[i], data, size);
    fg_error_info err = FG_ERROR_INFO_INIT;
    assert_int_equal(fgt_load_bytes(g, order[i], files[order[i]], data, size, NULL, &err), FG_OK);
    free(data);
  }
  fg_graph_free(g);
}

static void test_imdb_files_fail_everywhere(void **state) {
  (void)state;
  fg_graph *g = fgt_graph(NULL);
  for (int file = 0; file < FG_IMDB_FILE_COUNT_; file++) {
    char path[512];
    snprintf(path, sizeof path, "%s/imdb/%s", FG_TEST_DATA_DIR, fg_imdb_file_name(file));
    size_t size;
    char *data = fgt_read_file(path, &size);
    assert_non_null(data);
    fail_everywhere(g, 1, file, data, size);
    fg_source src = FG_SOURCE_INIT;
    src.data = data;
    src.size = size;
    assert_int_equal(fg_graph_load_imdb_file(g, file, &src, NULL, NULL), FG_OK);
    free(data);
  }
  assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 5);
  fg_graph_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_catalog_tables_fail_everywhere),
      cmocka_unit_test(test_imdb_files_fail_everywhere),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
