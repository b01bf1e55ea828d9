# tf_framework: the public entry of the framework (serve.h): links the
# layers together. Authors link this one target.
if(TARGET tf_proto6 AND TARGET tf_plugin)
  add_library(tf_framework STATIC ${CMAKE_CURRENT_LIST_DIR}/serve.cc)
  target_include_directories(tf_framework PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(tf_framework
    PUBLIC tf_sdk tf_schema tf_diag tf_types
    PRIVATE tf_proto6 tf_plugin tf_log CLI11::CLI11 gRPC::grpc++)
endif()
