/* libFuzzer target: one native catalogue table from arbitrary bytes.
 * Byte 0 picks the table (its low 4 bits, modulo the number of tables: the
 * seeds use 0-4 and 128-132) and the mode: bit 7 lenient, bit 6 tight
 * limits (max_line 512, max_field 64, so that inputs of at most -max_len
 * 4096 bytes can pass them), bit 5 read through a callback in small pieces
 * rather than from memory, bit 4 (with bit 5) a read error at the end of
 * the input. The rest is the file. The graph already holds a few films
 * and people for rows to name. Checks: no crash, and a failed load leaves
 * the graph as it was. */
#include "filmgraph.h"
#include "fuzz_feed.h"

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
  feed in = {.data = data + 1, .size = size - 1, .vary = 13, .fail = (data[0] & 0x10) != 0};
  if (data[0] & 0x20) {
    src.read = feed_read;
    src.payload = &in;
  } else {
    src.data = data + 1;
    src.size = size - 1;
  }
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = (data[0] & 0x80) ? FG_LOAD_LENIENT : 0;
  opts.max_line = (data[0] & 0x40) ? 512 : 4096;
  opts.max_field = (data[0] & 0x40) ? 64 : 0;
  fg_error_info err = FG_ERROR_INFO_INIT;
  int table = (data[0] & 0x0F) % FG_TABLE_COUNT_;
  int rc = fg_graph_load_table(g, table, &src, &opts, &err);
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
