/* A read callback over bytes in memory, shared by the fuzz targets: `step`
 * bytes a call, or with step 0 a varying 1 to `vary` bytes, so that lines
 * straddle the reader's refills; with `fail`, it reports a read error
 * instead of the end of the input. */
#ifndef FG_FUZZ_FEED_H
#define FG_FUZZ_FEED_H

#include <stddef.h>
#include <string.h>

typedef struct feed {
  const void *data;
  size_t size, pos, calls;
  size_t step, vary;
  int fail;
} feed;

static int feed_read(void *buf, size_t capacity, size_t *nread, void *payload) {
  feed *f = payload;
  if (f->pos == f->size && f->fail)
    return -1;
  size_t n = f->step ? f->step : 1 + (f->calls * 37 + f->calls / 3) % f->vary;
  f->calls++;
  if (n > capacity)
    n = capacity;
  if (n > f->size - f->pos)
    n = f->size - f->pos;
  memcpy(buf, (const char *)f->data + f->pos, n);
  f->pos += n;
  *nread = n;
  return 0;
}

#endif
