/* Functions of header_only.c, called by test_headers.c. */
#ifndef FG_HEADER_ONLY_H
#define FG_HEADER_ONLY_H
#include <stddef.h>
unsigned int fg_header_only_versions(void);
size_t fg_header_only_status_count(void);
const char *fg_header_only_version(void);
#endif
