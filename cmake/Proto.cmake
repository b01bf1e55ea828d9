# tfpu_proto_library(<target> PROTOS <files...> [GRPC] [IMPORT_DIRS <dirs...>])
#
# Builds the C++ that protoc (and grpc_cpp_plugin when GRPC is given)
# generates from the listed .proto files into a static library <target>,
# with CMake's protobuf_generate() (FindProtobuf). Include paths: the
# generated headers mirror the .proto paths relative to the first import dir
# (default: the current source dir), so
#   tfplugin-proto/tfplugin6.proto -> #include "tfplugin6.pb.h"
# protoc and grpc_cpp_plugin are always the build machine's (the arm64 cross
# build runs the host's: cmake/linux-arm64.toolchain.cmake).
include_guard(GLOBAL)

function(tfpu_proto_library target)
  cmake_parse_arguments(ARG "GRPC" "" "PROTOS;IMPORT_DIRS" ${ARGN})
  if(NOT ARG_IMPORT_DIRS)
    set(ARG_IMPORT_DIRS ${CMAKE_CURRENT_SOURCE_DIR})
  endif()
  set(protos "")
  foreach(proto IN LISTS ARG_PROTOS)
    get_filename_component(abs ${proto} ABSOLUTE)
    list(APPEND protos ${abs})
  endforeach()
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/gen)
  file(MAKE_DIRECTORY ${out_dir})

  add_library(${target} STATIC)
  # FindProtobuf's protobuf_generate() (CMake 3.25) passes
  # CMAKE_CURRENT_SOURCE_DIR as protoc's first -I and names the outputs
  # after each file's path relative to it. Here, in this function's scope,
  # that variable is the first import dir, so protoc's file names (the
  # generated #includes and the descriptor names that imports resolve at
  # run time) are relative to the import root, not to this folder.
  list(GET ARG_IMPORT_DIRS 0 CMAKE_CURRENT_SOURCE_DIR)
  set(common TARGET ${target} PROTOC_OUT_DIR ${out_dir}
      IMPORT_DIRS ${ARG_IMPORT_DIRS} PROTOS ${protos})
  protobuf_generate(LANGUAGE cpp ${common})
  if(ARG_GRPC)
    protobuf_generate(LANGUAGE grpc ${common}
      GENERATE_EXTENSIONS .grpc.pb.h .grpc.pb.cc
      PLUGIN protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>)
  endif()

  # Generated code is not ours: no -Werror, no warnings.
  target_compile_options(${target} PRIVATE -w)
  target_include_directories(${target} SYSTEM PUBLIC ${out_dir})
  target_link_libraries(${target} PUBLIC protobuf::libprotobuf)
  if(ARG_GRPC)
    target_link_libraries(${target} PUBLIC gRPC::grpc++)
  endif()
endfunction()
