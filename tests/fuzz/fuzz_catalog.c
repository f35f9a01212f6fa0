/* libFuzzer target: one native catalogue table from arbitrary bytes.
 * Byte 0 picks the table and the mode (strict or lenient); the rest is the
 * file. The graph already holds a few films and people for rows to name.
 * Checks: no crash, and a failed load leaves the graph as it was. */
#include "filmgraph.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void base(fg_graph *g) {
  static const char *const films[] = {"a", "b", "c"};
  for (int i = 0; i < 3; i++) {
    fg_film f = FG_FILM_INIT;
    f.key = films[i], f.title = films[i], f.year = 2000 + i;
    fg_graph_add_film(g, &f, NULL);
  }
  fg_person p = FG_PERSON_INIT;
  p.key = "p", p.name = "P";
  fg_graph_add_person(g, &p, NULL);
}

static int discard(const void *data, size_t size, void *payload) {
  (void)data, (void)size, (void)payload;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  fg_graph *g;
  if (fg_graph_new(NULL, &g) != FG_OK)
    return 0;
  base(g);
  size_t before[FG_TABLE_COUNT_];
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    before[t] = fg_graph_count(g, t);
  fg_source src = FG_SOURCE_INIT;
  src.data = data + 1;
  src.size = size - 1;
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = (data[0] & 0x80) ? FG_LOAD_LENIENT : 0;
  opts.max_line = 4096;
  fg_error_info err = FG_ERROR_INFO_INIT;
  int rc = fg_graph_load_table(g, data[0] % FG_TABLE_COUNT_, &src, &opts, &err);
  if (rc != FG_OK) {
    for (int t = 0; t < FG_TABLE_COUNT_; t++)
      if (fg_graph_count(g, t) != before[t])
        abort(); /* a failed load changed the graph */
  }
  /* Whatever loaded can be read, indexed and written. */
  if (fg_graph_freeze(g) != FG_OK)
    abort();
  for (size_t i = 0; i < fg_graph_count(g, FG_TABLE_FILMS); i++) {
    fg_film f = FG_FILM_INIT;
    if (fg_graph_film(g, (fg_id)i, &f) != FG_OK)
      abort();
  }
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    if (fg_graph_write_table(g, t, discard, NULL) != FG_OK)
      abort();
  fg_graph_free(g);
  return 0;
}
