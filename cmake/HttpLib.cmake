# HttpLib.cmake: Debian's cpp-httplib as the INTERFACE target tfpu_httplib.
#
#   target_link_libraries(<target> PRIVATE tfpu_httplib)
#
# Debian ships cpp-httplib as a compiled shared library (libcpp-httplib.so,
# no .a) built with OpenSSL, zlib and brotli support; its httplib.h must see
# the same CPPHTTPLIB_* defines as the library, which the target carries.
# Users: the dev server's HTTP side and the HTTP servers in tests, never the
# provider or union-client (their HTTP is Boost.Beast). The target exists
# only where the library is found (a cross build of the provider alone may
# lack it); a folder that needs it fails its configure without it.
include_guard(GLOBAL)

find_library(TFPU_HTTPLIB_LIBRARY NAMES cpp-httplib)
if(TFPU_HTTPLIB_LIBRARY)
  add_library(tfpu_httplib INTERFACE)
  target_link_libraries(tfpu_httplib INTERFACE ${TFPU_HTTPLIB_LIBRARY}
                        OpenSSL::SSL OpenSSL::Crypto Threads::Threads)
  target_compile_definitions(tfpu_httplib INTERFACE
    CPPHTTPLIB_OPENSSL_SUPPORT CPPHTTPLIB_ZLIB_SUPPORT CPPHTTPLIB_BROTLI_SUPPORT)
endif()

# tfpu_require_httplib(<what>): fails the configure when cpp-httplib is missing.
function(tfpu_require_httplib what)
  if(NOT TARGET tfpu_httplib)
    message(FATAL_ERROR "${what} needs cpp-httplib (Debian: libcpp-httplib-dev)")
  endif()
endfunction()
