/* libFuzzer target: one IMDb dataset file from arbitrary bytes. Byte 0
 * picks the file (its low 3 bits, modulo the number of files: the seeds use
 * 0-6, 64-70 and 128-134) and the mode: bit 7 lenient, bit 6 strict
 * references, bit 5 tight limits (max_line 512, max_field 64, so that
 * inputs of at most -max_len 4096 bytes can pass them), bit 4 read through
 * a callback in small pieces rather than from memory, bit 3 (with bit 4) a
 * read error at the end of the input. The rest is the file. The graph already holds two titles and a person from IMDb-shaped
 * text. Checks: no crash, and a failed load leaves the graph as it was. */
#include "filmgraph.h"
#include "fuzz_feed.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void base(fg_graph *g) {
  static const char basics[] =
      "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\t"
      "runtimeMinutes\tgenres\n"
      "tt0000001\tmovie\tOne\tOne\t0\t2000\t\\N\t90\tDrama\n"
      "tt0000002\ttvSeries\tTwo\tDeux\t0\t2001\t2003\t\\N\tComedy\n";
  static const char names[] =
      "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n"
      "nm0000001\tSomeone\t1970\t\\N\tactor\ttt0000001\n";
  fg_source src = FG_SOURCE_INIT;
  src.data = basics, src.size = sizeof basics - 1;
  fg_graph_load_imdb_file(g, FG_IMDB_TITLE_BASICS, &src, NULL, NULL);
  src.data = names, src.size = sizeof names - 1;
  fg_graph_load_imdb_file(g, FG_IMDB_NAME_BASICS, &src, NULL, NULL);
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
  fg_film one_before = FG_FILM_INIT;
  fg_graph_film(g, 0, &one_before);
  int32_t rating = one_before.rating;
  fg_source src = FG_SOURCE_INIT;
  feed in = {.data = data + 1, .size = size - 1, .vary = 13, .fail = (data[0] & 0x08) != 0};
  if (data[0] & 0x10) {
    src.read = feed_read;
    src.payload = &in;
  } else {
    src.data = data + 1;
    src.size = size - 1;
  }
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = ((data[0] & 0x80) ? FG_LOAD_LENIENT : 0) |
               ((data[0] & 0x40) ? FG_LOAD_STRICT_REFS : 0);
  opts.max_line = (data[0] & 0x20) ? 512 : 4096;
  opts.max_field = (data[0] & 0x20) ? 64 : 0;
  int file = (data[0] & 0x07) % FG_IMDB_FILE_COUNT_;
  int rc = fg_graph_load_imdb_file(g, file, &src, &opts, NULL);
  if (rc != FG_OK) {
    fg_film one = FG_FILM_INIT;
    fg_graph_film(g, 0, &one);
    for (int t = 0; t < FG_TABLE_COUNT_; t++)
      if (fg_graph_count(g, t) != before[t])
        abort();
    if (one.rating != rating)
      abort();
  }
  fg_graph_freeze(g);
  fg_graph_free(g);
  return 0;
}
