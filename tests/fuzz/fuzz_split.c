/* libFuzzer target: the IMDb loader from a buffer against the same bytes
 * from read callbacks (a differential check of the line splitting).
 * A memory buffer takes the block-mask fast path (splitting up to three rows
 * ahead for title.principals / title.crew / title.episode); a read callback
 * handing out 1 byte per call goes line by line (7 bytes, and a varying
 * 1..200 byte callback, are in between). All must agree.
 *
 * Byte 0: bits 0-1 pick the file (name.basics, title.principals,
 * title.crew, title.episode); bit 2 FG_LOAD_STRICT_REFS; bit 3 tight
 * limits (max_line 512, max_field 64); bit 4 preload a few principals
 * credits (so title.crew meets existing credits). The rest is the file
 * body; its header line is prepended. Each input is loaded strict and
 * lenient, each from memory and from the callbacks, into fresh graphs. */
#include "filmgraph.h"
#include "fuzz_feed.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int files[4] = {FG_IMDB_NAME_BASICS, FG_IMDB_TITLE_PRINCIPALS, FG_IMDB_TITLE_CREW,
                             FG_IMDB_TITLE_EPISODE};
static const char *const headers[4] = {
    "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n",
    "tconst\tordering\tnconst\tcategory\tjob\tcharacters\n",
    "tconst\tdirectors\twriters\n",
    "tconst\tparentTconst\tseasonNumber\tepisodeNumber\n",
};

static int load_mem(fg_graph *g, int file, const char *text) {
  fg_source src = FG_SOURCE_INIT;
  src.data = text, src.size = strlen(text);
  return fg_graph_load_imdb_file(g, file, &src, NULL, NULL);
}

static void base(fg_graph *g, int file, int credits) {
  static const char basics[] =
      "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\t"
      "runtimeMinutes\tgenres\n"
      "tt0000001\tmovie\tOne\tOne\t0\t2000\t\\N\t90\tDrama\n"
      "tt0000002\ttvSeries\tTwo\tDeux\t0\t2001\t2003\t\\N\tComedy\n"
      "tt0000003\ttvEpisode\tThree\tThree\t0\t2001\t\\N\t30\tComedy\n"
      "tt0000004\ttvEpisode\tFour\tFour\t0\t2002\t\\N\t30\tComedy\n"
      "tt0000010\tshort\tTen\tTen\t0\t1999\t\\N\t5\t\\N\n";
  static const char names[] =
      "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n"
      "nm0000001\tSomeone\t1970\t\\N\tactor\ttt0000001\n"
      "nm0000002\tOther\t1960\t2010\tdirector,writer\ttt0000002\n"
      "nm0000003\t\\N\t\\N\t\\N\t\\N\t\\N\n"
      "nm0000012\tTwelve\t1980\t\\N\twriter\t\\N\n";
  static const char principals[] =
      "tconst\tordering\tnconst\tcategory\tjob\tcharacters\n"
      "tt0000001\t1\tnm0000002\tdirector\t\\N\t\\N\n"
      "tt0000001\t2\tnm0000001\tactor\t\\N\t[\"A\"]\n"
      "tt0000002\t1\tnm0000002\twriter\t\\N\t\\N\n";
  if (load_mem(g, FG_IMDB_TITLE_BASICS, basics) != FG_OK)
    abort();
  if (file != FG_IMDB_NAME_BASICS && load_mem(g, FG_IMDB_NAME_BASICS, names) != FG_OK)
    abort();
  if (credits && file != FG_IMDB_NAME_BASICS &&
      load_mem(g, FG_IMDB_TITLE_PRINCIPALS, principals) != FG_OK)
    abort();
}

/* ---- What a load did --------------------------------------------------- */

typedef struct skip {
  int32_t status;
  uint64_t line, column;
  char file[64];
  char message[512];
} skip;

typedef struct outcome {
  int rc;
  fg_error_info err;
  char errmsg[1024];
  size_t counts[FG_TABLE_COUNT_];
  skip *skips;
  size_t nskips, capskips;
  char *dump; /* every table written as TSV */
  size_t dump_len, dump_cap;
} outcome;

static void on_skip(const fg_error_info *info, void *payload) {
  outcome *o = payload;
  if (o->nskips == o->capskips) {
    o->capskips = o->capskips ? 2 * o->capskips : 16;
    o->skips = realloc(o->skips, o->capskips * sizeof *o->skips);
    if (!o->skips)
      abort();
  }
  skip *s = &o->skips[o->nskips++];
  memset(s, 0, sizeof *s);
  s->status = info->status;
  s->line = info->line;
  s->column = info->column;
  snprintf(s->file, sizeof s->file, "%s", info->file);
  snprintf(s->message, sizeof s->message, "%s", info->message);
}

static int dump_write(const void *p, size_t n, void *payload) {
  outcome *o = payload;
  if (o->dump_len + n > o->dump_cap) {
    while (o->dump_len + n > o->dump_cap)
      o->dump_cap = o->dump_cap ? 2 * o->dump_cap : 4096;
    o->dump = realloc(o->dump, o->dump_cap);
    if (!o->dump)
      abort();
  }
  memcpy(o->dump + o->dump_len, p, n);
  o->dump_len += n;
  return 0;
}

/* ---- Sources ------------------------------------------------------------- */


enum { SRC_MEM, SRC_CB1, SRC_CB7, SRC_CBVAR, SRC_COUNT };
static const char *const src_names[SRC_COUNT] = {"memory", "callback(1)", "callback(7)",
                                                 "callback(1..200)"};

static void run(outcome *o, int file, int credits, const char *text, size_t len, int kind,
                uint32_t flags, int tight) {
  memset(o, 0, sizeof *o);
  fg_graph *g;
  if (fg_graph_new(NULL, &g) != FG_OK)
    abort();
  base(g, file, credits);
  fg_source src = FG_SOURCE_INIT;
  src.name = "in.tsv";
  feed fd = {.data = text, .size = len, .vary = 200};
  if (kind == SRC_MEM) {
    src.data = text, src.size = len;
  } else {
    fd.step = kind == SRC_CB1 ? 1 : kind == SRC_CB7 ? 7 : 0; /* 0: 1..200 */
    src.read = feed_read, src.payload = &fd;
  }
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = flags;
  opts.max_line = tight ? 512 : 16384;
  opts.max_field = tight ? 64 : 0;
  opts.on_skip = on_skip;
  opts.skip_payload = o;
  fg_error_info err = FG_ERROR_INFO_INIT;
  o->rc = fg_graph_load_imdb_file(g, file, &src, &opts, &err);
  o->err = err;
  snprintf(o->errmsg, sizeof o->errmsg, "%s", fg_errmsg(g));
  for (int t = 0; t < FG_TABLE_COUNT_; t++) {
    o->counts[t] = fg_graph_count(g, t);
    char sep[32];
    int n = snprintf(sep, sizeof sep, "=== table %d\n", t);
    dump_write(sep, (size_t)n, o);
    if (fg_graph_write_table(g, t, dump_write, o) != FG_OK)
      abort();
  }
  fg_graph_free(g);
}

static void release(outcome *o) {
  free(o->skips);
  free(o->dump);
}

static void differ(const char *what, int kind, uint32_t flags, const char *a, const char *b) {
  fprintf(stderr, "DIFFERENCE (%s, %s vs memory, flags %u): %s\n  memory: %s\n  other:  %s\n",
          what, src_names[kind], flags, what, a, b);
  abort();
}

static void compare(const outcome *m, const outcome *c, int kind, uint32_t flags) {
  char a[1200], b[1200];
  if (m->rc != c->rc || m->err.status != c->err.status) {
    snprintf(a, sizeof a, "rc %d status %d line %llu col %llu '%s'", m->rc, m->err.status,
             (unsigned long long)m->err.line, (unsigned long long)m->err.column, m->err.message);
    snprintf(b, sizeof b, "rc %d status %d line %llu col %llu '%s'", c->rc, c->err.status,
             (unsigned long long)c->err.line, (unsigned long long)c->err.column, c->err.message);
    differ("status", kind, flags, a, b);
  }
  if (m->err.line != c->err.line || m->err.column != c->err.column ||
      strcmp(m->err.message, c->err.message) || strcmp(m->err.file, c->err.file)) {
    snprintf(a, sizeof a, "%s:%llu:%llu '%s'", m->err.file, (unsigned long long)m->err.line,
             (unsigned long long)m->err.column, m->err.message);
    snprintf(b, sizeof b, "%s:%llu:%llu '%s'", c->err.file, (unsigned long long)c->err.line,
             (unsigned long long)c->err.column, c->err.message);
    differ("error location/message", kind, flags, a, b);
  }
  if (strcmp(m->errmsg, c->errmsg))
    differ("fg_errmsg", kind, flags, m->errmsg, c->errmsg);
  if (m->err.rows != c->err.rows || m->err.skipped != c->err.skipped) {
    snprintf(a, sizeof a, "rows %llu skipped %llu", (unsigned long long)m->err.rows,
             (unsigned long long)m->err.skipped);
    snprintf(b, sizeof b, "rows %llu skipped %llu", (unsigned long long)c->err.rows,
             (unsigned long long)c->err.skipped);
    differ("rows/skipped", kind, flags, a, b);
  }
  if (m->nskips != c->nskips) {
    snprintf(a, sizeof a, "%zu skip reports", m->nskips);
    snprintf(b, sizeof b, "%zu skip reports", c->nskips);
    differ("skip report count", kind, flags, a, b);
  }
  for (size_t i = 0; i < m->nskips; i++) {
    const skip *x = &m->skips[i], *y = &c->skips[i];
    if (x->status != y->status || x->line != y->line || x->column != y->column ||
        strcmp(x->file, y->file) || strcmp(x->message, y->message)) {
      snprintf(a, sizeof a, "skip %zu: %d %s:%llu:%llu '%s'", i, x->status, x->file,
               (unsigned long long)x->line, (unsigned long long)x->column, x->message);
      snprintf(b, sizeof b, "skip %zu: %d %s:%llu:%llu '%s'", i, y->status, y->file,
               (unsigned long long)y->line, (unsigned long long)y->column, y->message);
      differ("skip report", kind, flags, a, b);
    }
  }
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    if (m->counts[t] != c->counts[t]) {
      snprintf(a, sizeof a, "table %d: %zu records", t, m->counts[t]);
      snprintf(b, sizeof b, "table %d: %zu records", t, c->counts[t]);
      differ("record counts", kind, flags, a, b);
    }
  if (m->dump_len != c->dump_len || memcmp(m->dump, c->dump, m->dump_len))
    differ("written tables (contents)", kind, flags, "(dump)", "(dump differs)");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  int sel = data[0] & 3, file = files[sel];
  int tight = (data[0] & 0x08) != 0, credits = (data[0] & 0x10) != 0;
  uint32_t refs = (data[0] & 0x04) ? FG_LOAD_STRICT_REFS : 0;
  size_t hl = strlen(headers[sel]), len = hl + size - 1;
  char *text = malloc(len); /* exactly: ASan sees a read past the end */
  if (!text)
    return 0;
  memcpy(text, headers[sel], hl);
  memcpy(text + hl, data + 1, size - 1);
  for (int mode = 0; mode < 2; mode++) {
    uint32_t flags = refs | (mode ? FG_LOAD_LENIENT : 0);
    outcome m;
    run(&m, file, credits, text, len, SRC_MEM, flags, tight);
    for (int kind = SRC_CB1; kind < SRC_COUNT; kind++) {
      outcome c;
      run(&c, file, credits, text, len, kind, flags, tight);
      compare(&m, &c, kind, flags);
      release(&c);
    }
    release(&m);
  }
  free(text);
  return 0;
}
