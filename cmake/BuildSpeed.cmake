# BuildSpeed.cmake: unity builds for the targets whose sources each parse the
# same heavy headers (gRPC, protobuf, Abseil, nlohmann/json).
#
#   tfpu_unity_build(<target>... [BATCH_SIZE <n>])
#
# With TFPU_UNITY_BUILD=ON (the default) each listed target that exists is
# compiled as unity batches of <n> sources (default TFPU_UNITY_BATCH_SIZE):
# the headers are parsed once per batch instead of once per file. Targets
# that are not part of the configure (TFPU_SUBDIRS, TFPU_BUILD_TESTS=OFF) are
# skipped. Sources of a batch share one translation unit, so two files of one
# target must not define the same name in an anonymous namespace (or as a
# static function). A file that needs its own translation unit sets the
# source property SKIP_UNITY_BUILD_INCLUSION.
include_guard(GLOBAL)

option(TFPU_UNITY_BUILD "Compile the gRPC/protobuf-heavy targets as unity batches" ON)
set(TFPU_UNITY_BATCH_SIZE 8 CACHE STRING
    "Sources per unity translation unit (TFPU_UNITY_BUILD)")

function(tfpu_unity_build)
  cmake_parse_arguments(ARG "" "BATCH_SIZE" "" ${ARGN})
  if(NOT TFPU_UNITY_BUILD)
    return()
  endif()
  if(NOT ARG_BATCH_SIZE)
    set(ARG_BATCH_SIZE ${TFPU_UNITY_BATCH_SIZE})
  endif()
  foreach(target IN LISTS ARG_UNPARSED_ARGUMENTS)
    if(TARGET ${target})
      set_target_properties(${target} PROPERTIES
        UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${ARG_BATCH_SIZE})
    endif()
  endforeach()
endfunction()

# tfpu_unity_skip(<target> <source>...): the sources (paths relative to the
# target's source dir) keep a translation unit of their own.
function(tfpu_unity_skip target)
  if(NOT TARGET ${target})
    return()
  endif()
  get_target_property(dir ${target} SOURCE_DIR)
  set(files "")
  foreach(source IN LISTS ARGN)
    list(APPEND files ${dir}/${source})
  endforeach()
  set_source_files_properties(${files} TARGET_DIRECTORY ${target}
                              PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
