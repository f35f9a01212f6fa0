/* Allocation through the graph's hooks. */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE 1 /* madvise's MADV_HUGEPAGE */
#endif
#include "fg_internal.h"

#include <stdlib.h>
#include <string.h>
#if defined(__linux__) && !defined(__ANDROID__) /* (Bionic lacks aligned_alloc before API 28) */
#include <sys/mman.h>
#define FG__HUGE_PAGES 1
#endif

void *fg__malloc(const fg__alloc *a, size_t size) {
  return a->malloc_fn(size ? size : 1, a->ud);
}

void *fg__realloc(const fg__alloc *a, void *ptr, size_t size) {
  return a->realloc_fn(ptr, size ? size : 1, a->ud);
}

void *fg__shrink(const fg__alloc *a, void *ptr, size_t *size, size_t want) {
  if (!a->libc || !ptr || want >= *size)
    return ptr;
  void *p = realloc(ptr, want ? want : 1);
  if (!p)
    return ptr;
  *size = want;
  return p;
}

void fg__free(const fg__alloc *a, void *ptr) {
  if (ptr)
    a->free_fn(ptr, a->ud);
}

int fg__reserve(const fg__alloc *a, void **ptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap)
    return FG_OK;
  size_t ncap = *cap ? *cap : 16;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2)
      return FG_ELIMIT;
    ncap *= 2;
  }
  if (ncap > SIZE_MAX / elem)
    return FG_ELIMIT;
  void *p = fg__realloc(a, *ptr, ncap * elem);
  if (!p)
    return FG_ENOMEM;
  *ptr = p;
  *cap = ncap;
  return FG_OK;
}

void *fg__realloc_random(const fg__alloc *a, void *ptr, size_t old_size, size_t size) {
#if defined(FG__HUGE_PAGES) && defined(MADV_HUGEPAGE)
  const size_t huge = (size_t)2 << 20;
  if (a->libc && size >= 4 * huge && size <= SIZE_MAX - huge) {
    size_t rounded = (size + huge - 1) & ~(huge - 1);
    void *p = aligned_alloc(huge, rounded);
    if (p) { /* else plain realloc may still find the memory */
      (void)madvise(p, rounded, MADV_HUGEPAGE); /* only advice: failure is harmless */
      if (ptr)
        memcpy(p, ptr, old_size < size ? old_size : size);
      free(ptr);
      return p;
    }
  }
#else
  (void)old_size;
#endif
  return fg__realloc(a, ptr, size);
}
