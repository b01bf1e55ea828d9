# linux-arm64.toolchain.cmake: cross-compiles for linux_arm64 (aarch64) on a
# Debian amd64 host with Debian's multiarch packages.
#
#   cmake -S . -B build-release-arm64 -G Ninja \
#     -DCMAKE_TOOLCHAIN_FILE=cmake/linux-arm64.toolchain.cmake -DTFPU_STATIC=ON
#
# Needs crossbuild-essential-arm64 (aarch64-linux-gnu-gcc/g++) and the :arm64
# -dev packages (scripts/bootstrap installs them). Libraries and CMake
# package configs come from /usr/lib/aarch64-linux-gnu, headers from
# /usr/include (shared by every architecture) and /usr/include/aarch64-linux-gnu.
# The code generators run on the build machine: protoc and grpc_cpp_plugin are
# the host's (/usr/bin, amd64), which is what Debian's gRPC config and
# FindProtobuf point at; find_program() never looks in the arm64 tree.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_AR aarch64-linux-gnu-ar CACHE FILEPATH "")
set(CMAKE_RANLIB aarch64-linux-gnu-ranlib CACHE FILEPATH "")
set(CMAKE_STRIP aarch64-linux-gnu-strip CACHE FILEPATH "")
set(CMAKE_READELF aarch64-linux-gnu-readelf CACHE FILEPATH "")

# pkg-config (gRPC's config reads re2 through it) must see the arm64 .pc files.
set(ENV{PKG_CONFIG_LIBDIR}
    "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config CACHE FILEPATH "")

# Multiarch: one root (/) for both architectures; CMAKE_LIBRARY_ARCHITECTURE
# makes find_library()/find_package() prefer lib/aarch64-linux-gnu. The host's
# x86_64 library directory must never be searched.
set(CMAKE_IGNORE_PATH /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu
    /usr/lib/x86_64-linux-gnu/cmake)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# Lets ctest/try_run start arm64 programs: qemu-user with the multiarch
# arm64 glibc (libc6:arm64 in /lib/aarch64-linux-gnu; scripts/bootstrap).
find_program(TFPU_QEMU_AARCH64 qemu-aarch64)
if(TFPU_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${TFPU_QEMU_AARCH64})
endif()
