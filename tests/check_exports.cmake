# Checks the dynamic symbols a shared library defines: every one is an fg_
# function the public header declares (none internal, fg__; nothing else),
# and every function the header declares is exported.
#   cmake -DNM=nm -DLIB=libfilmgraph.so -DHEADER=filmgraph.h -P check_exports.cmake
cmake_minimum_required(VERSION 3.16)

foreach(v NM LIB HEADER)
  if(NOT ${v})
    message(FATAL_ERROR "check_exports.cmake needs -D${v}=...")
  endif()
endforeach()

execute_process(COMMAND ${NM} -D --defined-only ${LIB}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIB}: ${err}")
endif()

# The functions the header declares: "FG_EXTERN <type> fg_name(".
file(READ ${HEADER} header)
string(REGEX MATCHALL "FG_EXTERN[^;(]*[ *](fg_[a-z0-9_]+)\\(" decls "${header}")
set(declared)
foreach(d ${decls})
  string(REGEX REPLACE ".*[ *](fg_[a-z0-9_]+)\\($" "\\1" name "${d}")
  list(APPEND declared ${name})
endforeach()
list(LENGTH declared ndeclared)
if(ndeclared LESS 10)
  message(FATAL_ERROR "found only ${ndeclared} declarations in ${HEADER}")
endif()

# Symbols the toolchain adds to every shared object, not the library's.
set(toolchain_symbols _init _fini _edata _end __bss_start _ITM_deregisterTMCloneTable
    _ITM_registerTMCloneTable __gmon_start__ __cxa_finalize)

string(REPLACE "\n" ";" lines "${out}")
set(exported)
set(bad)
foreach(line ${lines})
  # "<address> <type> <name>", the name possibly with @VERSION
  if(NOT line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) ([^ @]+)")
    continue()
  endif()
  set(type ${CMAKE_MATCH_1})
  set(name ${CMAKE_MATCH_2})
  if(name IN_LIST toolchain_symbols)
    continue()
  endif()
  # Sanitizer builds add instrumentation symbols of their own.
  if(name MATCHES "^(__asan|__odr_asan|__ubsan|__sanitizer|__lsan|__tsan)")
    continue()
  endif()
  if(NOT name MATCHES "^fg_" OR name MATCHES "^fg__")
    list(APPEND bad "${name} (${type})")
  elseif(NOT type MATCHES "^[TtWi]$")
    list(APPEND bad "${name} (${type}: data, not a function)")
  elseif(NOT name IN_LIST declared)
    list(APPEND bad "${name} (not declared in filmgraph.h)")
  else()
    list(APPEND exported ${name})
  endif()
endforeach()

set(missing)
foreach(name ${declared})
  if(NOT name IN_LIST exported)
    list(APPEND missing ${name})
  endif()
endforeach()

list(LENGTH exported nexported)
if(bad OR missing)
  list(JOIN bad "\n  " bad_text)
  list(JOIN missing "\n  " missing_text)
  message(FATAL_ERROR "exported symbols of ${LIB} do not match the API.\n"
                      "Exported but not allowed:\n  ${bad_text}\n"
                      "Declared but not exported:\n  ${missing_text}")
endif()
message(STATUS "${nexported} exported functions, all fg_ and all declared in filmgraph.h")
