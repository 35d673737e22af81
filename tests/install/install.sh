#!/usr/bin/env bash
# `cmake --install` into a temporary prefix; the installed binary, run from / with an empty home,
# builds a briefing from its own data only, and a user's data folder ($XDG_DATA_HOME/zonebrief)
# comes before the installation's. Usage: install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1") src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install failed"; }
for f in bin/zonebrief share/zonebrief/layouts/briefing.yaml share/zonebrief/layouts/onepager.yaml \
         share/zonebrief/fonts/fonts.yaml share/zonebrief/fonts/NotoSansCJKsc-Regular.ttf \
         share/man/man1/zonebrief.1.gz share/bash-completion/completions/zonebrief \
         share/doc/zonebrief/docs/facts-format.md share/doc/zonebrief/docs/briefings.md share/zonebrief/schema/facts.schema.json \
         share/zonebrief/schema/meeting.schema.json; do
  [ -s "$tmp/prefix/$f" ] || fail "not installed: $f"
done

mkdir "$tmp/inputs" "$tmp/home"
cp "$src/inputs/xiaoshan-etdz.yaml" "$tmp/inputs/"
cd /
[ ! -e /fonts ] && [ ! -e /layouts ] || { echo "zonebrief-skip: / holds a fonts or layouts folder"; exit 0; }
# XDG_DATA_DIRS names an empty folder: a zonebrief installed on this machine (/usr/share) is not
# what the test finds.
run() { env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_DATA_DIRS="$tmp/nodata" SOURCE_DATE_EPOCH=1767139200 "$@"; }

run "$tmp/prefix/bin/zonebrief" build --inputs "$tmp/inputs" --out "$tmp/out" --no-previews 2> "$tmp/err" ||
  { cat "$tmp/err"; fail "the installed binary did not build from /"; }
pdf="$tmp/out/xiaoshan-etdz.pdf"
[ -s "$pdf" ] || fail "no PDF"
qpdf --check "$pdf" > /dev/null || fail "qpdf --check failed"
fonts=$(pdffonts "$pdf" | tail -n +3)
[ "$(grep -c . <<< "$fonts")" = 4 ] || fail "expected 4 fonts: $fonts"
! grep -qv ' yes yes yes ' <<< "$fonts" || fail "a font not embedded, subset, with ToUnicode: $fonts"
grep -q '萧山经济技术开发区' <<< "$(pdftotext "$pdf" -)" || fail "the zone's Chinese name is not in the text"

# The same PDF as from the checkout: the installed data is the project's.
(cd "$src" && run "$build/zonebrief" build --inputs "$tmp/inputs" --out "$tmp/out-checkout" --no-previews 2> /dev/null)
cmp -s "$pdf" "$tmp/out-checkout/xiaoshan-etdz.pdf" || fail "the installed binary's PDF differs from the checkout's"

# $XDG_DATA_HOME/zonebrief comes first: a user layouts folder without 'briefing' fails the zone.
mkdir -p "$tmp/xdg/zonebrief/layouts"
cp "$src/layouts/onepager.yaml" "$tmp/xdg/zonebrief/layouts/"
if env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg" XDG_DATA_DIRS="$tmp/nodata" "$tmp/prefix/bin/zonebrief" build \
     --inputs "$tmp/inputs" --out "$tmp/out-xdg" --no-previews 2> "$tmp/err-xdg"; then
  fail "the user's layouts folder was not used"
fi
grep -q "layout" "$tmp/err-xdg" || { cat "$tmp/err-xdg"; fail "expected an error about the layout"; }

# Nothing found: a warning names every folder searched.
mv "$tmp/prefix/share/zonebrief" "$tmp/moved"
if run "$tmp/prefix/bin/zonebrief" build --inputs "$tmp/inputs" --out "$tmp/out-none" 2> "$tmp/err-none"; then
  fail "built without data"
fi
grep -qF "[warning] no layouts folder found (searched layouts, $tmp/home/.local/share/zonebrief/layouts, $tmp/prefix/share/zonebrief/layouts, $tmp/nodata/zonebrief/layouts); give one with --layouts" "$tmp/err-none" ||
  { cat "$tmp/err-none"; fail "expected the searched folders"; }
echo "install test: passed"
