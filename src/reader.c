/* A line reader over the three kinds of source (path, memory, callback).
 * Memory is read in place, and so is a regular file where it can be
 * mapped (Linux: no copy into a buffer, about 5% of a load); other files
 * and callbacks go through one buffer that grows only as far as the
 * longest line allowed. */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE 1 /* madvise */
#endif
#include "fg_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#if defined(__linux__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define FG__MAP_FILES 1
#endif

#define CHUNK (256 * 1024)
#define DEFAULT_MAX_LINE (1024 * 1024)

#ifdef FG__MAP_FILES
/* Open a path: a regular file is mapped to be read in place (*fp stays
 * NULL); anything else (a pipe, a device, a file that cannot be mapped) is
 * read as a stream on the same descriptor, never opened twice (a writer
 * to a named pipe would lose its reader in between). 0, or an errno. */
static int open_path(fg__reader *r, const char *path, FILE **fp) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return errno ? errno : EIO;
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      (uint64_t)st.st_size <= SIZE_MAX / 2) {
    void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m != MAP_FAILED) {
      close(fd);
      (void)madvise(m, (size_t)st.st_size, MADV_SEQUENTIAL);
      r->map = m;
      r->data = m;
      r->size = (size_t)st.st_size;
      r->drop_at = FG__MAP_DROP;
      return 0;
    }
  }
  *fp = fdopen(fd, "rb");
  if (!*fp) {
    int e = errno ? errno : EIO;
    close(fd);
    return e;
  }
  return 0;
}
#endif

/* Give back the pages of the mapped file below the next line (r->beg),
 * whole 8 MB at a time, so that a load does not keep a large file
 * resident (the page cache still holds it). */
void fg__reader_drop(fg__reader *r) {
#ifdef FG__MAP_FILES
  size_t upto = r->beg & ~(FG__MAP_DROP - 1);
  (void)madvise((char *)r->map + r->dropped, upto - r->dropped, MADV_DONTNEED);
  r->dropped = upto;
  r->drop_at = upto + FG__MAP_DROP;
#else
  (void)r;
#endif
}

int fg__reader_open(fg__reader *r, const fg__alloc *a, const fg_source *src, size_t max_line,
                    fg_error_info *err) {
  memset(r, 0, sizeof *r);
  r->a = a;
  r->drop_at = SIZE_MAX;
  r->max_line = max_line ? max_line : DEFAULT_MAX_LINE;
  if (r->max_line > SIZE_MAX / 2)
    r->max_line = SIZE_MAX / 2; /* "no limit": max_line + 1 must not wrap */
  if (!src || src->version != FG_SOURCE_VERSION) {
    int rc = src ? FG_EVERSION : FG_EINVAL;
    fg__info_set(err, rc, "", 0, 0, src ? "fg_source version %u is not supported"
                                        : "no source given", src ? src->version : 0);
    return rc;
  }
  int kinds = !!src->path + !!src->data + !!src->read;
  r->name = src->name ? src->name : src->path ? src->path : src->data ? "<buffer>" : "<stream>";
  if (kinds != 1) {
    fg__info_set(err, FG_EINVAL, r->name, 0, 0,
                 "a source needs exactly one of path, data or read");
    return FG_EINVAL;
  }
  if (src->data) {
    r->data = src->data;
    r->size = src->size;
    return FG_OK;
  }
  if (src->path) {
    FILE *fp = NULL;
#ifdef FG__MAP_FILES
    int e = open_path(r, src->path, &fp);
    if (!e && r->map)
      return FG_OK;
#else
    fp = fopen(src->path, "rb");
    int e = fp ? 0 : errno;
#endif
    if (e) {
      fg__info_set(err, FG_EIO, r->name, 0, 0, "cannot open: %s", strerror(e));
      return FG_EIO;
    }
    r->fp = fp;
  } else {
    r->fn = src->read;
    r->payload = src->payload;
  }
  r->cap = CHUNK < r->max_line + 1 ? CHUNK : r->max_line + 1;
  r->buf = fg__malloc(a, r->cap);
  if (!r->buf) {
    fg__reader_close(r);
    fg__info_set(err, FG_ENOMEM, r->name, 0, 0, "out of memory");
    return FG_ENOMEM;
  }
  return FG_OK;
}

void fg__reader_close(fg__reader *r) {
#ifdef FG__MAP_FILES
  if (r->map)
    munmap(r->map, r->size);
  r->map = NULL;
#endif
  if (r->fp)
    fclose(r->fp);
  fg__free(r->a, r->buf);
  r->fp = NULL;
  r->buf = NULL;
}

static int too_long(fg__reader *r, fg_error_info *err) {
  fg__info_set(err, FG_ELIMIT, r->name, r->line + 1, 1,
               "line is longer than the limit of %zu bytes", r->max_line);
  return FG_ELIMIT;
}

/* Read more bytes into buf[end..cap); sets eof at the end of input. */
static int fill(fg__reader *r, fg_error_info *err) {
  size_t want = r->cap - r->end, got = 0;
  if (r->fp) {
    got = fread(r->buf + r->end, 1, want, r->fp);
    if (got < want && ferror(r->fp)) {
      fg__info_set(err, FG_EIO, r->name, r->line + 1, 0, "read error after byte %llu: %s",
                   (unsigned long long)(r->consumed + (r->end - r->beg)), strerror(errno));
      return FG_EIO;
    }
  } else {
    int rc = r->fn(r->buf + r->end, want, &got, r->payload);
    unsigned long long at = r->consumed + (r->end - r->beg);
    if (rc) {
      fg__info_set(err, FG_EIO, r->name, r->line + 1, 0,
                   "read callback failed (returned %d) after byte %llu", rc, at);
      return FG_EIO;
    }
    if (got > want) {
      fg__info_set(err, FG_EIO, r->name, r->line + 1, 0,
                   "read callback claimed %zu bytes of %zu asked, after byte %llu", got, want,
                   at);
      return FG_EIO;
    }
  }
  if (got == 0)
    r->eof = 1;
  r->end += got;
  return FG_OK;
}

int fg__reader_next(fg__reader *r, const char **line, size_t *len, int *terminated,
                    fg_error_info *err) {
  if (r->data) {
    size_t rest = r->size - r->beg;
    if (rest == 0)
      return 1;
    const char *p = r->data + r->beg;
    const char *nl = memchr(p, '\n', rest > r->max_line ? r->max_line + 1 : rest);
    if (!nl && rest > r->max_line)
      return too_long(r, err);
    *line = p;
    *len = nl ? (size_t)(nl - p) : rest;
    *terminated = nl != NULL;
    fg__reader_maybe_drop(r);
    r->beg += *len + (nl != NULL);
    r->consumed = r->beg;
    r->line++;
    return FG_OK;
  }
  size_t scanned = 0; /* bytes of buf[beg..) known to hold no newline */
  for (;;) {
    char *p = r->buf + r->beg;
    char *nl = memchr(p + scanned, '\n', r->end - r->beg - scanned);
    if (nl) {
      *line = p;
      *len = (size_t)(nl - p);
      *terminated = 1;
      r->beg += *len + 1;
      r->consumed += *len + 1;
      r->line++;
      return FG_OK;
    }
    scanned = r->end - r->beg;
    if (scanned > r->max_line)
      return too_long(r, err);
    if (r->eof) {
      if (scanned == 0)
        return 1;
      *line = p;
      *len = scanned;
      *terminated = 0;
      r->beg = r->end;
      r->consumed += scanned;
      r->line++;
      return FG_OK;
    }
    /* Keep the partial line at the start of the buffer, grow the buffer if
     * it is full (up to one line's limit), and read more. */
    if (r->beg) {
      memmove(r->buf, p, scanned);
      r->end = scanned;
      r->beg = 0;
    }
    if (r->end == r->cap) {
      size_t ncap = r->cap * 2 < r->max_line + 1 ? r->cap * 2 : r->max_line + 1;
      char *nb = fg__realloc(r->a, r->buf, ncap);
      if (!nb) {
        fg__info_set(err, FG_ENOMEM, r->name, r->line + 1, 0, "out of memory");
        return FG_ENOMEM;
      }
      r->buf = nb;
      r->cap = ncap;
    }
    int rc = fill(r, err);
    if (rc)
      return rc;
  }
}
