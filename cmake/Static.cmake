# Static.cmake: the self-contained release build (option TFPU_STATIC).
#
#   tfpu_static_executable(<target>)
#
# With TFPU_STATIC=ON the whole build links Debian's static archives instead
# of the shared libraries: every imported library target found by the
# top-level find_package() calls (gRPC, protobuf, Abseil, OpenSSL, c-ares,
# re2, zlib, SQLite, ...) whose library has a lib<name>.a beside its .so is
# pointed at the .a. tfpu_static_executable() then adds -static-libstdc++
# -static-libgcc, --gc-sections and (where ld supports it) DT_RELR packed
# relocations, and a post-build check that the binary needs nothing but
# glibc (libc, libm, libpthread, libdl, librt, ld-linux). With TFPU_STATIC=OFF
# nothing changes and tfpu_static_executable() is a no-op. The check is this
# same file run in script mode (cmake -P).
#
#   add_executable(terraform-provider-union main.cc)
#   tfpu_static_executable(terraform-provider-union)
#
# Cache variables:
#   TFPU_STATIC_KEEP_SHARED  imported targets left shared (default none),
#       for a library whose .a needs others that ship no .a.
#   TFPU_STATIC_ALLOW        extra DT_NEEDED sonames the check accepts, as a
#       stop-gap (e.g. "libz.so.1"); empty for a real release.

# Script mode (the post-build check): cmake -DBINARY=<file>
# -DALLOWED=<comma list of sonames> [-DREADELF=readelf] [-DMOVE_ASIDE=ON]
# -P Static.cmake fails when BINARY has a DT_NEEDED entry outside ALLOWED
# (and with MOVE_ASIDE renames it to <file>.not-static, so that the next
# build links it again).
if(CMAKE_SCRIPT_MODE_FILE)
  cmake_policy(SET CMP0057 NEW)  # IN_LIST
  if(NOT READELF)
    set(READELF readelf)
  endif()
  execute_process(COMMAND ${READELF} -d ${BINARY}
                  OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "TFPU_STATIC: ${READELF} -d ${BINARY} failed")
  endif()
  string(REPLACE "," ";" allowed "${ALLOWED}")
  string(REGEX MATCHALL "\\(NEEDED\\)[^\n]*\\[[^]\n]+\\]" needed "${dynamic}")
  set(bad "")
  foreach(entry IN LISTS needed)
    string(REGEX REPLACE ".*\\[([^]]+)\\]" "\\1" soname "${entry}")
    if(NOT soname IN_LIST allowed)
      list(APPEND bad ${soname})
    endif()
  endforeach()
  if(bad)
    if(MOVE_ASIDE)  # the post-build check: the next build links it again
      file(RENAME ${BINARY} ${BINARY}.not-static)
    endif()
    message(FATAL_ERROR
      "TFPU_STATIC: ${BINARY} still needs ${bad}; a static release binary "
      "may need only glibc. Give the library its .a, or list the soname in "
      "TFPU_STATIC_ALLOW as a stop-gap.")
  endif()
  return()
endif()

include_guard(GLOBAL)

set(TFPU_STATIC_KEEP_SHARED "" CACHE STRING
    "TFPU_STATIC: imported targets that stay shared libraries")
set(TFPU_STATIC_ALLOW "" CACHE STRING
    "TFPU_STATIC: extra DT_NEEDED sonames the post-build check accepts")
set(_TFPU_STATIC_CHECK ${CMAKE_CURRENT_LIST_FILE})

# The sonames a TFPU_STATIC binary may still need: glibc and its loader.
set(TFPU_STATIC_GLIBC_SONAMES
    libc.so.6 libm.so.6 libpthread.so.0 libdl.so.2 librt.so.1
    ld-linux-x86-64.so.2 ld-linux-aarch64.so.1 libresolv.so.2)

# Returns in <out> the .a beside the shared library <path>, or "".
function(_tfpu_static_archive_for path out)
  set(archive "")
  if(path MATCHES "^(.*)/lib([^/]+)\\.so(\\.[0-9.]+)?$")
    set(candidate "${CMAKE_MATCH_1}/lib${CMAKE_MATCH_2}.a")
    if(EXISTS "${candidate}")
      set(archive "${candidate}")
    endif()
  endif()
  set(${out} "${archive}" PARENT_SCOPE)
endfunction()

# glibc's own libraries: always linked shared, though libc6-dev ships .a files.
set(_TFPU_STATIC_GLIBC_NAMES c m dl rt pthread resolv util anl)

# Returns in <out> the static archive for one INTERFACE_LINK_LIBRARIES item
# ("-lre2", "re2" or ".../libre2.so"), or the item itself when there is none.
function(_tfpu_static_link_item item out)
  set(result "${item}")
  set(name "")
  if(item MATCHES "^-l([A-Za-z0-9_+.-]+)$")
    set(name "${CMAKE_MATCH_1}")
  elseif(item MATCHES "^([A-Za-z0-9_+-]+)$")
    set(name "${CMAKE_MATCH_1}")
  endif()
  if(name)
    if(NOT name IN_LIST _TFPU_STATIC_GLIBC_NAMES)
      find_library(_tfpu_archive_${name} NAMES lib${name}.a NO_CACHE)
      if(_tfpu_archive_${name})
        set(result "${_tfpu_archive_${name}}")
      endif()
    endif()
  elseif(item MATCHES "\\.so(\\.[0-9.]+)?$")
    _tfpu_static_archive_for("${item}" archive)
    if(archive)
      set(result "${archive}")
    endif()
  endif()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# Points every imported library target of this directory at its .a.
function(_tfpu_static_use_archives)
  get_directory_property(imported IMPORTED_TARGETS)
  set(switched "")
  set(kept "")
  foreach(t IN LISTS imported)
    get_target_property(type ${t} TYPE)
    # Plain -l flags or .so paths in an interface (gRPC's pkg-config re2).
    get_target_property(links ${t} INTERFACE_LINK_LIBRARIES)
    if(links AND NOT t IN_LIST TFPU_STATIC_KEEP_SHARED)
      set(new_links "")
      foreach(item IN LISTS links)
        _tfpu_static_link_item("${item}" item)
        list(APPEND new_links "${item}")
      endforeach()
      if(NOT new_links STREQUAL links)
        set_target_properties(${t} PROPERTIES INTERFACE_LINK_LIBRARIES "${new_links}")
        list(APPEND switched ${t})
      endif()
    endif()
    if(NOT type MATCHES "^(SHARED_LIBRARY|UNKNOWN_LIBRARY|STATIC_LIBRARY)$")
      continue()
    endif()
    if(t IN_LIST TFPU_STATIC_KEEP_SHARED)
      list(APPEND kept ${t})
      continue()
    endif()
    get_target_property(configs ${t} IMPORTED_CONFIGURATIONS)
    set(props IMPORTED_LOCATION)
    if(configs)
      foreach(c IN LISTS configs)
        string(TOUPPER "${c}" c)
        list(APPEND props IMPORTED_LOCATION_${c})
      endforeach()
    endif()
    foreach(p IN LISTS props)
      get_target_property(location ${t} ${p})
      if(NOT location)
        continue()
      endif()
      _tfpu_static_archive_for("${location}" archive)
      if(archive)
        set_target_properties(${t} PROPERTIES ${p} "${archive}")
        list(APPEND switched ${t})
      endif()
    endforeach()
  endforeach()
  # What the shared libraries recorded as DT_NEEDED and the archives don't.
  if(TARGET OpenSSL::Crypto)
    set_property(TARGET OpenSSL::Crypto APPEND PROPERTY
                 INTERFACE_LINK_LIBRARIES ${CMAKE_DL_LIBS} Threads::Threads)
  endif()
  if(TARGET protobuf::libprotobuf AND TARGET ZLIB::ZLIB)
    set_property(TARGET protobuf::libprotobuf APPEND PROPERTY
                 INTERFACE_LINK_LIBRARIES ZLIB::ZLIB Threads::Threads)
  endif()
  if(TARGET SQLite::SQLite3)
    set_property(TARGET SQLite::SQLite3 APPEND PROPERTY
                 INTERFACE_LINK_LIBRARIES ${CMAKE_DL_LIBS} m Threads::Threads)
  endif()
  list(REMOVE_DUPLICATES switched)
  list(LENGTH switched n)
  message(STATUS "TFPU_STATIC: ${n} imported libraries link their .a; "
                 "left shared: ${kept}")
endfunction()

# tfpu_static_executable(<target>): see the banner. May be called from
# another directory than the target's (the check then runs as its own
# always-built target <target>_static_check). Calling it twice is harmless.
function(tfpu_static_executable target)
  if(NOT TFPU_STATIC)
    return()
  endif()
  get_target_property(done ${target} TFPU_STATIC_EXECUTABLE)
  if(done)
    return()
  endif()
  set_target_properties(${target} PROPERTIES TFPU_STATIC_EXECUTABLE ON)
  target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
  # Smaller resident set and start-up (figures in docs/benchmarks.md):
  # --gc-sections drops the unreferenced sections of the archives (-0.7 MB
  # text), and packed relative relocations (DT_RELR, glibc >= 2.36, which the
  # binary needs anyway) replace about 1 MB of RELA entries that the loader
  # reads at every start.
  target_link_options(${target} PRIVATE -Wl,--gc-sections)
  if(_TFPU_LINKER_HAS_RELR)
    target_link_options(${target} PRIVATE -Wl,-z,pack-relative-relocs)
  endif()
  set(allowed ${TFPU_STATIC_GLIBC_SONAMES} ${TFPU_STATIC_ALLOW})
  string(REPLACE ";" "," allowed "${allowed}")
  set(readelf ${CMAKE_READELF})
  if(NOT readelf)
    set(readelf readelf)
  endif()
  set(check ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:${target}>
      -DALLOWED=${allowed} -DREADELF=${readelf} -DMOVE_ASIDE=ON
      -P ${_TFPU_STATIC_CHECK})
  get_target_property(dir ${target} SOURCE_DIR)
  if(dir STREQUAL CMAKE_CURRENT_SOURCE_DIR)
    add_custom_command(TARGET ${target} POST_BUILD COMMAND ${check}
      COMMENT "TFPU_STATIC: ${target} needs only glibc?" VERBATIM)
  else()
    add_custom_target(${target}_static_check ALL COMMAND ${check}
      DEPENDS ${target}
      COMMENT "TFPU_STATIC: ${target} needs only glibc?" VERBATIM)
  endif()
endfunction()

if(TFPU_STATIC)
  _tfpu_static_use_archives()
  include(CheckLinkerFlag)
  check_linker_flag(CXX "-Wl,-z,pack-relative-relocs" _TFPU_LINKER_HAS_RELR)
endif()
