#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` makes it, its Depends names the runtime libraries as Debian
# packages, and the binary and data unpacked from it alone (dpkg-deb -x) build a briefing from /.
# Usage: package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1") src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "package test: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp/pkg" > "$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; fail "cpack failed"; }
debs=("$tmp"/pkg/zonebrief_*.deb)
[ ${#debs[@]} = 1 ] && [ -s "${debs[0]}" ] || fail "expected one zonebrief_*.deb, found: ${debs[*]}"
deb=${debs[0]}
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libhpdf-2.3.0 libcairo2 libharfbuzz0b libharfbuzz-subset0 libyaml-cpp0.7 libspdlog1.10-fmt9 libfmt9 libicu72 libfreetype6 libdeflate0 libssl3 libc6; do
  grep -qE "(^|, )$lib( |,|$)" <<< "$depends" || fail "Depends does not name $lib"
done
grep -q -- '-dev' <<< "$depends" && fail "Depends names a -dev package"
[ "$(dpkg-deb -f "$deb" Package)" = zonebrief ] || fail "Package is not zonebrief"

listing=$(dpkg-deb -c "$deb")
for f in ./usr/bin/zonebrief ./usr/share/zonebrief/fonts/fonts.yaml ./usr/share/zonebrief/layouts/briefing.yaml \
         ./usr/share/man/man1/zonebrief.1 ./usr/share/bash-completion/completions/zonebrief \
         ./usr/share/doc/zonebrief/copyright.fonts-noto-cjk; do
  grep -qE " $f(\.gz)?$" <<< "$listing" || fail "the package lacks $f"
done

dpkg-deb -x "$deb" "$tmp/root"
mkdir "$tmp/inputs" "$tmp/home"
cp "$src/inputs/hangzhou-airport-zone.yaml" "$tmp/inputs/"
cd /
[ ! -e /fonts ] && [ ! -e /layouts ] || { echo "zonebrief-skip: / holds a fonts or layouts folder"; exit 0; }
env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_DATA_DIRS="$tmp/nodata" "$tmp/root/usr/bin/zonebrief" build --inputs "$tmp/inputs" --out "$tmp/out" \
  2> "$tmp/err" || { cat "$tmp/err"; fail "the unpacked binary did not build"; }
pdf="$tmp/out/hangzhou-airport-zone.pdf"
qpdf --check "$pdf" > /dev/null || fail "qpdf --check failed"
grep -q '杭州临空经济示范区' <<< "$(pdftotext "$pdf" -)" || fail "the zone's Chinese name is not in the text"
[ -s "$tmp/out/hangzhou-airport-zone.png" ] || fail "no preview"
echo "package test: passed"
