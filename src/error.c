/* Status strings, the graph's last message and the caller's error info. */
#include "fg_internal.h"

#include <stdio.h>
#include <string.h>

const char *fg_errstr(int status) {
  switch (status) {
#define FG_STATUS_CASE_(name, value, text)                                    \
  case value:                                                                 \
    return text;
    FG_STATUS_MAP(FG_STATUS_CASE_)
#undef FG_STATUS_CASE_
  default:
    return "unknown status";
  }
}

const char *fg_errmsg(const fg_graph *g) {
  return g ? g->errmsg : "";
}

void fg__vformat(char *buf, size_t cap, const char *fmt, va_list ap) {
  int n = vsnprintf(buf, cap, fmt, ap);
  if (n < 0)
    buf[0] = '\0';
}

int fg__seterr(fg_graph *g, int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fg__vformat(g->errmsg, sizeof g->errmsg, fmt, ap);
  va_end(ap);
  return status;
}

int fg__check_info(const fg_error_info *info) {
  if (info && info->version != FG_ERROR_INFO_VERSION)
    return FG_EVERSION;
  return FG_OK;
}

void fg__info_set(fg_error_info *info, int status, const char *file, uint64_t line,
                  uint64_t column, const char *fmt, ...) {
  if (!info)
    return;
  info->status = status;
  snprintf(info->file, sizeof info->file, "%s", file ? file : "");
  info->line = line;
  info->column = column;
  va_list ap;
  va_start(ap, fmt);
  fg__vformat(info->message, sizeof info->message, fmt, ap);
  va_end(ap);
}

int fg_error_info_init(fg_error_info *info, unsigned int version) {
  if (!info)
    return FG_EINVAL;
  if (version != FG_ERROR_INFO_VERSION)
    return FG_EVERSION;
  memset(info, 0, sizeof *info);
  info->version = version;
  return FG_OK;
}
