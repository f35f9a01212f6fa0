/* Allocation through the graph's hooks. */
#include "fg_internal.h"

#include <stdlib.h>

void *fg__malloc(const fg__alloc *a, size_t size) {
  return a->malloc_fn(size ? size : 1, a->ud);
}

void *fg__realloc(const fg__alloc *a, void *ptr, size_t size) {
  return a->realloc_fn(ptr, size ? size : 1, a->ud);
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
