# zonebrief's container: a Debian 12 build stage that builds the binary and packs the .deb, and a
# slim runtime stage that installs only that package and its runtime libraries. Build: docker build -t zonebrief:0.1.0 .
# Run: docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/data" zonebrief:0.1.0 build
#      (facts in ./inputs, PDFs to ./out, files owned by you)
FROM debian:12 AS build
WORKDIR /src
COPY . .
# .ci/setup installs the build dependencies and converts the CJK fonts (about a minute). Only the
# binary and the man page are built (not the tests), and cpack packs them without building more.
RUN bash .ci/setup \
 && cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON \
 && cmake --build /build -j"$(nproc)" --target zonebrief zonebrief_man \
 && cd /build && cpack -G DEB

FROM debian:12-slim
COPY --from=build /build/zonebrief_*.deb /tmp/
# apt resolves the package's Depends: the runtime libraries only, no compilers or -dev packages.
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/zonebrief_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/zonebrief_*.deb \
 && useradd --system --uid 10001 --home-dir /data --no-create-home zonebrief
USER 10001
WORKDIR /data
ENTRYPOINT ["zonebrief"]
CMD ["build"]
