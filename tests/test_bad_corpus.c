/* The hostile input corpus: every file of tests/data/bad, as
 * tests/data/bad/MANIFEST.tsv describes it (one line a file: the loader it
 * is for and its expected outcome), loaded
 *
 * - by the library, onto a fixed base (tests/data/bad/base/catalog for the
 *   catalogue tables, tests/data/bad/base/imdb for IMDb's files): strictly
 *   from its path, from a memory buffer and from a read callback (status,
 *   line, column, a fragment of the message, fg_errmsg, the graph left as
 *   it was after a failure; rows, skips and fg_graph_check's findings after
 *   a success); leniently (the same fatal error, or rows and skips, the
 *   first skip where the strict load failed); with FG_LOAD_STRICT_REFS for
 *   IMDb rows that are skipped by default; and as a folder
 *   (fg_graph_load_catalog / fg_graph_load_imdb);
 * - by the filmgraph command (`filmgraph --catalog BASE --catalog DIR check`
 *   or `--imdb BASE --imdb DIR check`, DIR holding the file under its proper
 *   name): the exit code (3 when the data cannot be loaded, with
 *   "DIR/file:line:column: reason" on stderr and nothing on stdout).
 *
 * A line of over 1 MiB is made here rather than committed. Every mismatch
 * is reported (with its manifest line) before the test fails. */
#include "test_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define BAD_DIR FG_TEST_DATA_DIR "/bad"
#define MANIFEST BAD_DIR "/MANIFEST.tsv"
#define BASE_CATALOG BAD_DIR "/base/catalog"
#define BASE_IMDB BAD_DIR "/base/imdb"
#define MIN_CASES 40

/* ---- The manifest ------------------------------------------------------------ */

typedef struct entry {
  int lineno; /* in MANIFEST.tsv */
  char file[128];
  char loader[32];
  int imdb;  /* 1: an IMDb file (enum fg_imdb_file), 0: a table (enum fg_table) */
  int which;
  char name[64]; /* its proper file name: "films.tsv", "title.basics.tsv" */
  int status;
  uint64_t line, column;
  long rows, skipped; /* of a successful strict load; -1 when it fails */
  int lenient_fatal;
  long lenient_rows, lenient_skipped;
  int checks[8];
  size_t nchecks;
  int cli;
  char fragment[512]; /* "" for none */
} entry;

static const struct {
  const char *name;
  int value;
} status_names[] = {
#define FGT_STATUS_(name, value, text) {"FG_" #name, value},
    FG_STATUS_MAP(FGT_STATUS_)
#undef FGT_STATUS_
};

static entry *entries;
static size_t nentries;

static int parse_status(const char *s, int lineno) {
  for (size_t i = 0; i < FGT_ARRAY_LEN(status_names); i++)
    if (strcmp(s, status_names[i].name) == 0)
      return status_names[i].value;
  fail_msg("MANIFEST.tsv:%d: unknown status '%s'", lineno, s);
  return 0;
}

static long parse_count(const char *s, int lineno, const char *what) {
  if (strcmp(s, "-") == 0)
    return -1;
  char *end;
  long v = strtol(s, &end, 10);
  if (!*s || *end || v < 0)
    fail_msg("MANIFEST.tsv:%d: %s '%s' is not a count", lineno, what, s);
  return v;
}

static void parse_loader(entry *e) {
  char name[64];
  snprintf(name, sizeof name, "%s.tsv", e->loader);
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    if (strcmp(name, fgt_table_file(t)) == 0) {
      e->imdb = 0, e->which = t;
      snprintf(e->name, sizeof e->name, "%s", name);
      return;
    }
  for (int f = 0; f < FG_IMDB_FILE_COUNT_; f++)
    if (strcmp(name, fg_imdb_file_name(f)) == 0) {
      e->imdb = 1, e->which = f;
      snprintf(e->name, sizeof e->name, "%s", name);
      return;
    }
  fail_msg("MANIFEST.tsv:%d: unknown loader '%s'", e->lineno, e->loader);
}

/* One manifest line: file, loader, status, line, column, rows, skipped,
 * lenient, check, cli, fragment (tab-separated). */
static void parse_entry(entry *e, char *text, int lineno) {
  char *f[11];
  int n = 0;
  f[n++] = text;
  for (char *c = text; *c; c++)
    if (*c == '\t') {
      *c = '\0';
      if (n == 11)
        fail_msg("MANIFEST.tsv:%d: more than 11 fields", lineno);
      f[n++] = c + 1;
    }
  if (n != 11)
    fail_msg("MANIFEST.tsv:%d: %d fields, expected 11", lineno, n);
  memset(e, 0, sizeof *e);
  e->lineno = lineno;
  snprintf(e->file, sizeof e->file, "%s", f[0]);
  snprintf(e->loader, sizeof e->loader, "%s", f[1]);
  parse_loader(e);
  e->status = parse_status(f[2], lineno);
  e->line = (uint64_t)parse_count(f[3], lineno, "line");
  e->column = (uint64_t)parse_count(f[4], lineno, "column");
  e->rows = parse_count(f[5], lineno, "rows");
  e->skipped = parse_count(f[6], lineno, "skipped");
  if ((e->status == FG_OK) != (e->rows >= 0 && e->skipped >= 0))
    fail_msg("MANIFEST.tsv:%d: rows and skipped are counts exactly when the status is FG_OK",
             lineno);
  if (strcmp(f[7], "fatal") == 0) {
    e->lenient_fatal = 1;
    if (e->status == FG_OK)
      fail_msg("MANIFEST.tsv:%d: a load that succeeds cannot be fatal when lenient", lineno);
  } else if (sscanf(f[7], "rows=%ld skipped=%ld", &e->lenient_rows, &e->lenient_skipped) != 2) {
    fail_msg("MANIFEST.tsv:%d: lenient '%s' is neither 'fatal' nor 'rows=N skipped=M'", lineno,
             f[7]);
  }
  if (strcmp(f[8], "-") != 0) {
    for (char *item = strtok(f[8], ","); item; item = strtok(NULL, ",")) {
      int kind = 0;
      for (int k = 1; k < FG_CHECK_KIND_COUNT_; k++)
        if (strcmp(item, fg_check_name(k)) == 0)
          kind = k;
      if (!kind || e->nchecks == FGT_ARRAY_LEN(e->checks))
        fail_msg("MANIFEST.tsv:%d: bad finding '%s'", lineno, item);
      e->checks[e->nchecks++] = kind;
    }
  }
  e->cli = (int)parse_count(f[9], lineno, "cli");
  snprintf(e->fragment, sizeof e->fragment, "%s", strcmp(f[10], "-") == 0 ? "" : f[10]);
  if (e->status != FG_OK && (!e->line || !*e->fragment))
    fail_msg("MANIFEST.tsv:%d: a failure needs a line and a message fragment", lineno);
  if (e->skipped > 0 && (!e->line || !*e->fragment))
    fail_msg("MANIFEST.tsv:%d: skipped rows need the first one's line and fragment", lineno);
}

static int read_manifest(void **state) {
  (void)state;
  size_t size;
  char *text = fgt_read_file(MANIFEST, &size);
  if (!text) {
    print_error("cannot read %s\n", MANIFEST);
    return -1;
  }
  size_t cap = 16;
  entries = calloc(cap, sizeof *entries);
  int lineno = 0;
  for (char *line = text; *line;) {
    char *nl = strchr(line, '\n');
    if (!nl) {
      print_error("%s: the last line has no newline\n", MANIFEST);
      free(text);
      return -1;
    }
    *nl = '\0';
    lineno++;
    /* '#' comments, blank lines and the column names are not entries. */
    if (*line && *line != '#' && strncmp(line, "file\t", 5) != 0) {
      if (nentries == cap) {
        cap *= 2;
        entries = realloc(entries, cap * sizeof *entries);
      }
      parse_entry(&entries[nentries++], line, lineno);
    }
    line = nl + 1;
  }
  free(text);
  return 0;
}

static int free_manifest(void **state) {
  (void)state;
  free(entries);
  entries = NULL;
  nentries = 0;
  return 0;
}

/* ---- Reporting ------------------------------------------------------------------ */

static size_t problems;

/* Report one mismatch of entry e (in the context `how`), keep going. */
static void mismatch(const entry *e, const char *how, const char *fmt, ...) {
  char msg[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  print_error("MANIFEST.tsv:%d: %s (%s): %s\n", e->lineno, e->file, how, msg);
  problems++;
}

static void expect_no_problems(const char *what) {
  if (problems)
    fail_msg("%zu mismatch%s in %s (listed above)", problems, problems == 1 ? "" : "es", what);
}

/* ---- Loading ------------------------------------------------------------------ */

enum { SRC_PATH, SRC_BUFFER, SRC_STREAM, SRC_COUNT };
static const char *const src_names[SRC_COUNT] = {"path", "buffer", "stream"};

typedef struct outcome {
  int rc;
  fg_error_info err;
  size_t nskips;
  fg_error_info first_skip;
  char errmsg_before[2048]; /* fg_errmsg before the load */
} outcome;

static void on_skip(const fg_error_info *info, void *payload) {
  outcome *o = payload;
  if (o->nskips++ == 0)
    o->first_skip = *info;
}

static void path_of(const entry *e, char *buf, size_t cap) {
  snprintf(buf, cap, "%s/%s", BAD_DIR, e->file);
}

static fg_graph *base_graph(const entry *e) {
  fg_graph *g = fgt_graph(NULL);
  fg_error_info err = FG_ERROR_INFO_INIT;
  int rc = e->imdb ? fg_graph_load_imdb(g, BASE_IMDB, NULL, &err)
                   : fg_graph_load_catalog(g, BASE_CATALOG, NULL, &err);
  if (rc != FG_OK || err.skipped)
    fail_msg("loading the base: %s: %s:%lu:%lu: %s", fg_errstr(rc), err.file,
             (unsigned long)err.line, (unsigned long)err.column, err.message);
  return g;
}

/* Load e's file into g from source `how` with `flags`. */
static void load(fg_graph *g, const entry *e, int how, uint32_t flags, outcome *o) {
  char path[512];
  path_of(e, path, sizeof path);
  memset(o, 0, sizeof *o);
  fg_error_info init = FG_ERROR_INFO_INIT;
  o->err = init;
  snprintf(o->errmsg_before, sizeof o->errmsg_before, "%s", fg_errmsg(g));
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.flags = flags;
  opts.on_skip = on_skip;
  opts.skip_payload = o;
  fg_source src = FG_SOURCE_INIT;
  size_t size = 0;
  char *data = NULL;
  fgt_stream st;
  memset(&st, 0, sizeof st);
  if (how == SRC_PATH) {
    src.path = path;
  } else {
    data = fgt_read_file(path, &size);
    assert_non_null(data);
    src.name = e->name;
    if (how == SRC_BUFFER) {
      src.data = data;
      src.size = size;
    } else {
      st.data = data;
      st.size = size;
      st.step = 7; /* lines and UTF-8 sequences split across reads */
      src.read = fgt_stream_read;
      src.payload = &st;
    }
  }
  o->rc = e->imdb ? fg_graph_load_imdb_file(g, e->which, &src, &opts, &o->err)
                  : fg_graph_load_table(g, e->which, &src, &opts, &o->err);
  free(data);
}

static int same_graph(const fg_graph *g, const fgt_snapshot *s) {
  fgt_snapshot now;
  fgt_snapshot_take(g, &now);
  int same = 1;
  for (int t = 0; t < FG_TABLE_COUNT_; t++)
    if (now.n[t] != s->n[t] || now.len[t] != s->len[t] ||
        memcmp(now.dump[t], s->dump[t], s->len[t]) != 0)
      same = 0;
  fgt_snapshot_free(&now);
  return same;
}

/* The failure e expects, with err.file == file; `status` is e->status or
 * what an override expects. */
static void expect_failure(const entry *e, const char *how, const fg_graph *g, const outcome *o,
                           int status, uint64_t line, uint64_t column, const char *fragment,
                           const char *file) {
  const fg_error_info *err = &o->err;
  if (o->rc != status || err->status != status || err->line != line ||
      err->column != column || !strstr(err->message, fragment)) {
    mismatch(e, how, "got %s at %lu:%lu \"%s\"; expected %s at %lu:%lu \"...%s...\"",
             fg_errstr(o->rc), (unsigned long)err->line, (unsigned long)err->column,
             err->message, fg_errstr(status), (unsigned long)line, (unsigned long)column,
             fragment);
    return;
  }
  if (err->rows != 0)
    mismatch(e, how, "a failed load reports %lu rows", (unsigned long)err->rows);
  if (strcmp(err->file, file) != 0)
    mismatch(e, how, "err.file is '%s', expected '%s'", err->file, file);
  char want[2048];
  snprintf(want, sizeof want, "%s:%lu:%lu: %s", err->file, (unsigned long)err->line,
           (unsigned long)err->column, err->message);
  if (strcmp(fg_errmsg(g), want) != 0)
    mismatch(e, how, "fg_errmsg is \"%s\", expected \"%s\"", fg_errmsg(g), want);
}

/* The table a load of e adds rows to, or -1 (title.crew adds any number of
 * credits a row; title.episode and title.ratings change films). */
static int grows_table(const entry *e) {
  if (!e->imdb)
    return e->which;
  switch (e->which) {
  case FG_IMDB_TITLE_BASICS: return FG_TABLE_FILMS;
  case FG_IMDB_NAME_BASICS: return FG_TABLE_PEOPLE;
  case FG_IMDB_TITLE_AKAS: return FG_TABLE_AKAS;
  case FG_IMDB_TITLE_PRINCIPALS: return FG_TABLE_CREDITS;
  default: return -1;
  }
}

typedef struct kinds {
  int kind[16];
  size_t n;
} kinds;

static int collect_finding(const fg_finding *f, void *payload) {
  kinds *k = payload;
  if (k->n < FGT_ARRAY_LEN(k->kind))
    k->kind[k->n] = f->kind;
  k->n++;
  return 0;
}

static void expect_findings(const entry *e, const char *how, const fg_graph *g) {
  kinds k = {{0}, 0};
  size_t count = 0;
  int rc = fg_graph_check(g, collect_finding, &k, &count);
  int same = rc == FG_OK && count == e->nchecks && k.n == e->nchecks;
  for (size_t i = 0; same && i < e->nchecks; i++)
    same = k.kind[i] == e->checks[i];
  if (!same)
    mismatch(e, how, "fg_graph_check: %s, %zu finding(s), the first %s; expected %zu, the first %s",
             fg_errstr(rc), count, k.n ? fg_check_name(k.kind[0]) : "none", e->nchecks,
             e->nchecks ? fg_check_name(e->checks[0]) : "none");
}

/* A load that succeeded with `rows` and `skipped`; the first skip (if any)
 * at e's line and column. `before` counts the table's records before. */
static void expect_success(const entry *e, const char *how, const fg_graph *g, const outcome *o,
                           long rows, long skipped, size_t before, const char *file) {
  const fg_error_info *err = &o->err;
  if (o->rc != FG_OK) {
    mismatch(e, how, "got %s at %lu:%lu \"%s\"; expected success", fg_errstr(o->rc),
             (unsigned long)err->line, (unsigned long)err->column, err->message);
    return;
  }
  if (err->status != FG_OK || err->line || err->column || err->message[0])
    mismatch(e, how, "a success leaves err at %lu:%lu \"%s\"", (unsigned long)err->line,
             (unsigned long)err->column, err->message);
  if ((long)err->rows != rows || (long)err->skipped != skipped || (long)o->nskips != skipped)
    mismatch(e, how, "%lu rows, %lu skipped (%zu reported); expected %ld rows, %ld skipped",
             (unsigned long)err->rows, (unsigned long)err->skipped, o->nskips, rows, skipped);
  if (o->nskips) {
    const fg_error_info *s = &o->first_skip;
    if (s->line != e->line || s->column != e->column || !strstr(s->message, e->fragment) ||
        strcmp(s->file, file) != 0)
      mismatch(e, how, "first skip at %s:%lu:%lu \"%s\"; expected %s:%lu:%lu \"...%s...\"",
               s->file, (unsigned long)s->line, (unsigned long)s->column, s->message, file,
               (unsigned long)e->line, (unsigned long)e->column, e->fragment);
  }
  int t = grows_table(e);
  if (t >= 0 && fg_graph_count(g, t) != before + (size_t)rows)
    mismatch(e, how, "%s has %zu records, expected %zu + %ld", fgt_table_file(t),
             fg_graph_count(g, t), before, rows);
  /* A success (skips included) leaves the message of the last failure. */
  if (strcmp(fg_errmsg(g), o->errmsg_before) != 0)
    mismatch(e, how, "fg_errmsg is \"%s\" after a success; was \"%s\"", fg_errmsg(g),
             o->errmsg_before);
}

/* ---- The library ------------------------------------------------------------------ */

static void check_strict(const entry *e, int how) {
  char path[512], label[64];
  path_of(e, path, sizeof path);
  snprintf(label, sizeof label, "strict, %s", src_names[how]);
  const char *file = how == SRC_PATH ? path : e->name;
  fg_graph *g = base_graph(e);
  fgt_snapshot before;
  fgt_snapshot_take(g, &before);
  int t = grows_table(e);
  size_t n0 = t >= 0 ? fg_graph_count(g, t) : 0;
  outcome o;
  load(g, e, how, 0, &o);
  if (e->status == FG_OK) {
    expect_success(e, label, g, &o, e->rows, e->skipped, n0, file);
    expect_findings(e, label, g);
  } else {
    expect_failure(e, label, g, &o, e->status, e->line, e->column, e->fragment, file);
    if (o.nskips)
      mismatch(e, label, "%zu rows reported skipped before the failure", o.nskips);
    if (!same_graph(g, &before))
      mismatch(e, label, "the failed load changed the graph");
    /* Lenient, on the graph the failure left: rollback left nothing behind
     * that a second load trips over. */
    if (how == SRC_PATH) {
      load(g, e, SRC_PATH, FG_LOAD_LENIENT, &o);
      if (e->lenient_fatal) {
        expect_failure(e, "lenient after strict", g, &o, e->status, e->line, e->column,
                       e->fragment, path);
        if (!same_graph(g, &before))
          mismatch(e, "lenient after strict", "the failed load changed the graph");
      } else {
        expect_success(e, "lenient after strict", g, &o, e->lenient_rows, e->lenient_skipped,
                       n0, path);
        expect_findings(e, "lenient after strict", g);
      }
    }
  }
  fgt_snapshot_free(&before);
  fg_graph_free(g);
}

/* Lenient into a fresh base; for loads that succeed strictly as well. */
static void check_lenient(const entry *e) {
  char path[512];
  path_of(e, path, sizeof path);
  fg_graph *g = base_graph(e);
  fgt_snapshot before;
  fgt_snapshot_take(g, &before);
  int t = grows_table(e);
  size_t n0 = t >= 0 ? fg_graph_count(g, t) : 0;
  outcome o;
  load(g, e, SRC_BUFFER, FG_LOAD_LENIENT, &o);
  if (e->lenient_fatal) {
    expect_failure(e, "lenient", g, &o, e->status, e->line, e->column, e->fragment, e->name);
    if (!same_graph(g, &before))
      mismatch(e, "lenient", "the failed load changed the graph");
  } else {
    expect_success(e, "lenient", g, &o, e->lenient_rows, e->lenient_skipped, n0, e->name);
    expect_findings(e, "lenient", g);
  }
  fgt_snapshot_free(&before);
  fg_graph_free(g);
}

/* An IMDb row naming a missing title or person is a counted skip; with
 * FG_LOAD_STRICT_REFS the first one fails the load. */
static void check_strict_refs(const entry *e) {
  if (!e->imdb || e->status != FG_OK || e->skipped == 0)
    return;
  fg_graph *g = base_graph(e);
  fgt_snapshot before;
  fgt_snapshot_take(g, &before);
  outcome o;
  load(g, e, SRC_BUFFER, FG_LOAD_STRICT_REFS, &o);
  expect_failure(e, "FG_LOAD_STRICT_REFS", g, &o, FG_ENOTFOUND, e->line, e->column, e->fragment,
                 e->name);
  if (!same_graph(g, &before))
    mismatch(e, "FG_LOAD_STRICT_REFS", "the failed load changed the graph");
  fgt_snapshot_free(&before);
  fg_graph_free(g);
}

/* ---- Folders ------------------------------------------------------------------ */

static void write_file(const char *path, const void *data, size_t size) {
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  assert_int_equal(fwrite(data, 1, size, fp), size);
  assert_int_equal(fclose(fp), 0);
}

/* A fresh folder holding e's file under its proper name, and (beside a
 * catalogue table other than films.tsv) the films.tsv a catalogue needs,
 * header only. */
static void make_folder(const entry *e, char *dir, size_t cap) {
  char path[1024];
  fgt_tempdir(dir, cap);
  path_of(e, path, sizeof path);
  size_t size;
  char *data = fgt_read_file(path, &size);
  assert_non_null(data);
  snprintf(path, sizeof path, "%s/%s", dir, e->name);
  write_file(path, data, size);
  free(data);
  if (!e->imdb && e->which != FG_TABLE_FILMS) {
    snprintf(path, sizeof path, "%s/films.tsv", dir);
    write_file(path, "key\ttitle\n", 10);
  }
}

static void remove_folder(const entry *e, const char *dir) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, e->name);
  unlink(path);
  fgt_remove_tempdir(dir); /* and films.tsv */
}

static void check_folder(const entry *e, const char *dir) {
  char file[1024];
  snprintf(file, sizeof file, "%s/%s", dir, e->name);
  fg_graph *g = base_graph(e);
  fgt_snapshot before;
  fgt_snapshot_take(g, &before);
  int t = grows_table(e);
  size_t n0 = t >= 0 ? fg_graph_count(g, t) : 0;
  outcome o;
  memset(&o, 0, sizeof o);
  fg_error_info init = FG_ERROR_INFO_INIT;
  o.err = init;
  snprintf(o.errmsg_before, sizeof o.errmsg_before, "%s", fg_errmsg(g));
  fg_load_options opts = FG_LOAD_OPTIONS_INIT;
  opts.on_skip = on_skip;
  opts.skip_payload = &o;
  o.rc = e->imdb ? fg_graph_load_imdb(g, dir, &opts, &o.err)
                 : fg_graph_load_catalog(g, dir, &opts, &o.err);
  if (e->status == FG_OK) {
    expect_success(e, "folder", g, &o, e->rows, e->skipped, n0, file);
    expect_findings(e, "folder", g);
  } else {
    expect_failure(e, "folder", g, &o, e->status, e->line, e->column, e->fragment, file);
    if (!same_graph(g, &before))
      mismatch(e, "folder", "the failed load changed the graph");
  }
  fgt_snapshot_free(&before);
  fg_graph_free(g);
}

/* ---- The filmgraph command ---------------------------------------------------------- */

#ifdef FG_CLI_PATH
typedef struct run_result {
  int code;
  char *out, *err;
} run_result;

/* Run the command with ARGS (already shell-quoted), capturing both streams. */
static void run_cli(const char *args, run_result *r) {
  char out_path[] = "/tmp/fgbad-out-XXXXXX", err_path[] = "/tmp/fgbad-err-XXXXXX";
  int fo = mkstemp(out_path), fe = mkstemp(err_path);
  assert_true(fo >= 0 && fe >= 0);
  close(fo);
  close(fe);
  char cmd[8192];
  snprintf(cmd, sizeof cmd, "'%s' %s >%s 2>%s </dev/null", FG_CLI_PATH, args, out_path,
           err_path);
  int status = system(cmd);
  assert_true(WIFEXITED(status));
  r->code = WEXITSTATUS(status);
  r->out = fgt_read_file(out_path, NULL);
  r->err = fgt_read_file(err_path, NULL);
  assert_non_null(r->out);
  assert_non_null(r->err);
  remove(out_path);
  remove(err_path);
}

static const char *finding_text(int kind) {
  switch (kind) {
  case FG_CHECK_REMAKE_CYCLE: return "remake loop: ";
  case FG_CHECK_REMAKE_OLDER: return "remake older than its original: ";
  case FG_CHECK_CONTRADICTION: return "contradiction: ";
  default: return "duplicate relation: ";
  }
}

static void check_cli(const entry *e, const char *dir) {
  char args[4096], loc[2048];
  const char *opt = e->imdb ? "--imdb" : "--catalog";
  snprintf(args, sizeof args, "%s '%s' %s '%s' check", opt, e->imdb ? BASE_IMDB : BASE_CATALOG,
           opt, dir);
  run_result r;
  run_cli(args, &r);
  if (r.code != e->cli)
    mismatch(e, "filmgraph", "exit %d, expected %d; stderr: %s", r.code, e->cli, r.err);
  if (e->status != FG_OK) {
    snprintf(loc, sizeof loc, "filmgraph: %s/%s:%lu:%lu: ", dir, e->name, (unsigned long)e->line,
             (unsigned long)e->column);
    const char *at = strstr(r.err, loc);
    if (!at || !strstr(at, e->fragment))
      mismatch(e, "filmgraph", "stderr lacks \"%s...%s\": %s", loc, e->fragment, r.err);
    if (r.out[0])
      mismatch(e, "filmgraph", "a failed load printed on stdout: %s", r.out);
  } else {
    /* The check's report. */
    char last[64];
    if (e->nchecks)
      snprintf(last, sizeof last, "%zu problem%s found\n", e->nchecks,
               e->nchecks == 1 ? "" : "s");
    else
      snprintf(last, sizeof last, "no problems found\n");
    size_t n = strlen(r.out), m = strlen(last);
    if (n < m || strcmp(r.out + n - m, last) != 0)
      mismatch(e, "filmgraph", "stdout does not end with \"%s\": %s", last, r.out);
    for (size_t i = 0; i < e->nchecks; i++)
      if (!strstr(r.out, finding_text(e->checks[i])))
        mismatch(e, "filmgraph", "stdout lacks \"%s\": %s", finding_text(e->checks[i]), r.out);
    if (e->imdb) {
      /* The summary of DIR's load: its skips, the first as the example. */
      snprintf(loc, sizeof loc, "filmgraph: loaded %s in ", dir);
      const char *summary = strstr(r.err, loc);
      char skipped[64];
      snprintf(skipped, sizeof skipped, "; %ld skipped\n", e->skipped);
      if (!summary || !strstr(summary, skipped))
        mismatch(e, "filmgraph", "stderr lacks \"%s...%s\": %s", loc, skipped, r.err);
      if (e->skipped > 0) {
        snprintf(loc, sizeof loc, "(e.g. %s/%s:%lu:%lu: ", dir, e->name, (unsigned long)e->line,
                 (unsigned long)e->column);
        const char *ex = strstr(r.err, loc);
        if (!ex || !strstr(ex, e->fragment))
          mismatch(e, "filmgraph", "stderr lacks \"%s...%s\": %s", loc, e->fragment, r.err);
      }
    } else if (r.err[0]) {
      mismatch(e, "filmgraph", "unexpected stderr: %s", r.err);
    }
  }
  free(r.out);
  free(r.err);
}
#endif

/* ---- Tests ------------------------------------------------------------------ */

/* The manifest names every file of the corpus once, and nothing else; each
 * of the twelve loaders has cases. */
static void test_manifest_covers_corpus(void **state) {
  (void)state;
  problems = 0;
  if (nentries < MIN_CASES)
    fail_msg("the manifest has %zu cases; the corpus needs at least %d", nentries, MIN_CASES);
  size_t per_loader[FG_TABLE_COUNT_ + FG_IMDB_FILE_COUNT_] = {0};
  for (size_t i = 0; i < nentries; i++) {
    const entry *e = &entries[i];
    per_loader[e->imdb ? FG_TABLE_COUNT_ + e->which : e->which]++;
    for (size_t j = 0; j < i; j++)
      if (strcmp(entries[j].file, e->file) == 0)
        mismatch(e, "manifest", "listed twice (also line %d)", entries[j].lineno);
    char path[512];
    struct stat st;
    path_of(e, path, sizeof path);
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
      mismatch(e, "manifest", "no such file");
    else if (st.st_size > 110 * 1024)
      mismatch(e, "manifest", "%lld bytes: keep corpus files small", (long long)st.st_size);
  }
  for (size_t k = 0; k < FGT_ARRAY_LEN(per_loader); k++)
    if (!per_loader[k])
      fail_msg("no case for %s", k < FG_TABLE_COUNT_ ? fgt_table_file((int)k)
                                                     : fg_imdb_file_name((int)(k - FG_TABLE_COUNT_)));
  DIR *d = opendir(BAD_DIR);
  assert_non_null(d);
  for (struct dirent *de; (de = readdir(d)) != NULL;) {
    char path[1024];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", BAD_DIR, de->d_name);
    if (de->d_name[0] == '.' || strcmp(de->d_name, "MANIFEST.tsv") == 0 ||
        stat(path, &st) != 0 || !S_ISREG(st.st_mode))
      continue; /* the base/ folder, dot files */
    int listed = 0;
    for (size_t i = 0; i < nentries && !listed; i++)
      listed = strcmp(entries[i].file, de->d_name) == 0;
    if (!listed) {
      print_error("%s/%s is not in the manifest\n", BAD_DIR, de->d_name);
      problems++;
    }
  }
  closedir(d);
  expect_no_problems("the manifest");
}

static void test_library_strict(void **state) {
  (void)state;
  problems = 0;
  for (size_t i = 0; i < nentries; i++)
    for (int how = 0; how < SRC_COUNT; how++)
      check_strict(&entries[i], how);
  expect_no_problems("strict loads");
}

static void test_library_lenient(void **state) {
  (void)state;
  problems = 0;
  for (size_t i = 0; i < nentries; i++)
    check_lenient(&entries[i]);
  expect_no_problems("lenient loads");
}

static void test_library_strict_refs(void **state) {
  (void)state;
  problems = 0;
  size_t n = 0;
  for (size_t i = 0; i < nentries; i++) {
    n += entries[i].imdb && entries[i].status == FG_OK && entries[i].skipped > 0;
    check_strict_refs(&entries[i]);
  }
  assert_true(n > 0);
  expect_no_problems("FG_LOAD_STRICT_REFS loads");
}

static void test_folders_and_cli(void **state) {
  (void)state;
  problems = 0;
  size_t exit3 = 0;
  for (size_t i = 0; i < nentries; i++) {
    const entry *e = &entries[i];
    char dir[256];
    make_folder(e, dir, sizeof dir);
    check_folder(e, dir);
#ifdef FG_CLI_PATH
    check_cli(e, dir);
#endif
    exit3 += e->cli == 3;
    remove_folder(e, dir);
  }
  assert_true(exit3 >= MIN_CASES);
  expect_no_problems("folder loads and the filmgraph command");
}

/* A line over max_line (1 MiB), made here: fatal even for a lenient load,
 * and exit 3 for the command. */
static void test_line_over_1mib(void **state) {
  (void)state;
  size_t big = 1024 * 1024 + 1;
  char *text = malloc(big + 64);
  assert_non_null(text);
  strcpy(text, "key\ttitle\ngood-1\tGood One\nbig\t");
  size_t n = strlen(text);
  memset(text + n, 'x', big);
  n += big;
  memcpy(text + n, "\nafter\tAfter\n", 14);
  n += 13;
  char dir[256], path[512];
  fgt_tempdir(dir, sizeof dir);
  snprintf(path, sizeof path, "%s/films.tsv", dir);
  write_file(path, text, n);
  for (int lenient = 0; lenient < 2; lenient++) {
    for (int how = SRC_PATH; how <= SRC_STREAM; how++) {
      fg_graph *g = fgt_graph(NULL);
      fg_error_info err = FG_ERROR_INFO_INIT;
      fg_load_options opts = FG_LOAD_OPTIONS_INIT;
      opts.flags = lenient ? FG_LOAD_LENIENT : 0;
      fgt_stream st = {text, n, 0, 4096, 0, 0, 0};
      fg_source src = FG_SOURCE_INIT;
      if (how == SRC_PATH) {
        src.path = path;
      } else if (how == SRC_BUFFER) {
        src.data = text, src.size = n, src.name = "films.tsv";
      } else {
        src.read = fgt_stream_read, src.payload = &st, src.name = "films.tsv";
      }
      int rc = fg_graph_load_table(g, FG_TABLE_FILMS, &src, &opts, &err);
      if (rc != FG_ELIMIT || err.line != 3 || err.column != 1 ||
          strcmp(err.message, "line is longer than the limit of 1048576 bytes") != 0)
        fail_msg("%s, %s: got %s at %lu:%lu \"%s\"", lenient ? "lenient" : "strict",
                 src_names[how], fg_errstr(rc), (unsigned long)err.line,
                 (unsigned long)err.column, err.message);
      assert_int_equal(fg_graph_count(g, FG_TABLE_FILMS), 0);
      fg_graph_free(g);
    }
  }
#ifdef FG_CLI_PATH
  char args[1024], loc[1024];
  snprintf(args, sizeof args, "--catalog '%s' check", dir);
  run_result r;
  run_cli(args, &r);
  assert_int_equal(r.code, 3);
  assert_string_equal(r.out, "");
  snprintf(loc, sizeof loc, "filmgraph: %s:3:1: line is longer than the limit of 1048576 bytes",
           path);
  if (!strstr(r.err, loc))
    fail_msg("stderr lacks \"%s\": %s", loc, r.err);
  free(r.out);
  free(r.err);
#endif
  fgt_remove_tempdir(dir);
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_manifest_covers_corpus),
      cmocka_unit_test(test_library_strict),
      cmocka_unit_test(test_library_lenient),
      cmocka_unit_test(test_library_strict_refs),
      cmocka_unit_test(test_folders_and_cli),
      cmocka_unit_test(test_line_over_1mib),
  };
  return cmocka_run_group_tests(tests, read_manifest, free_manifest);
}
