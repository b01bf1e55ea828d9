# tfpu_proto_library(<target> PROTOS <files...> [GRPC] [IMPORT_DIRS <dirs...>])
#
# Runs protoc (and grpc_cpp_plugin when GRPC is given) over the listed .proto
# files and builds the generated sources into a static library <target>.
# Include paths: the generated headers mirror the .proto paths relative to the
# first import dir (default: the current source dir), so
#   tfplugin-proto/tfplugin6.proto -> #include "tfplugin6.pb.h"
include_guard(GLOBAL)

function(tfpu_proto_library target)
  cmake_parse_arguments(ARG "GRPC" "" "PROTOS;IMPORT_DIRS" ${ARGN})
  if(NOT ARG_IMPORT_DIRS)
    set(ARG_IMPORT_DIRS ${CMAKE_CURRENT_SOURCE_DIR})
  endif()
  list(GET ARG_IMPORT_DIRS 0 root)
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/gen)
  file(MAKE_DIRECTORY ${out_dir})
  set(import_flags)
  foreach(dir ${ARG_IMPORT_DIRS})
    list(APPEND import_flags -I${dir})
  endforeach()
  set(srcs)
  set(hdrs)
  foreach(proto ${ARG_PROTOS})
    get_filename_component(abs ${proto} ABSOLUTE)
    file(RELATIVE_PATH rel ${root} ${abs})
    string(REGEX REPLACE "\\.proto$" "" stem ${rel})
    set(outputs ${out_dir}/${stem}.pb.cc ${out_dir}/${stem}.pb.h)
    set(args --cpp_out=${out_dir})
    if(ARG_GRPC)
      list(APPEND outputs ${out_dir}/${stem}.grpc.pb.cc ${out_dir}/${stem}.grpc.pb.h)
      list(APPEND args --grpc_out=${out_dir}
           --plugin=protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>)
    endif()
    add_custom_command(
      OUTPUT ${outputs}
      COMMAND protobuf::protoc ${import_flags} ${args} ${abs}
      DEPENDS ${abs} protobuf::protoc
      COMMENT "protoc ${rel}"
      VERBATIM)
    foreach(o ${outputs})
      if(o MATCHES "\\.cc$")
        list(APPEND srcs ${o})
      else()
        list(APPEND hdrs ${o})
      endif()
    endforeach()
  endforeach()
  add_library(${target} STATIC ${srcs} ${hdrs})
  # Generated code is not ours: no -Werror, no warnings.
  target_compile_options(${target} PRIVATE -w)
  target_include_directories(${target} SYSTEM PUBLIC ${out_dir})
  target_link_libraries(${target} PUBLIC protobuf::libprotobuf)
  if(ARG_GRPC)
    target_link_libraries(${target} PUBLIC gRPC::grpc++)
  endif()
endfunction()
